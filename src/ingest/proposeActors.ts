import { foldText } from "../text/index.js";
import { findName, foldField, longestFirst } from "./findName.js";
import type { Field, MentionProposal, NewActorProposal } from "./types.js";
import { CONSTRUCT, LOCATED_ORGS, NAME_JOINERS, NOT_NAME, ORG_HEADS, RANKS, TITLE_HEADS } from "./vocabulary.js";
import { isIn, withoutClitics, words } from "./words.js";
import type { Word } from "./words.js";

const RANK_TAIL = new Set(["اول", "الركن", "ركن", "بحري", "طيار"].map((w) => foldText(w)));
const MAX_CHAIN = 7;
const hasArticle = (w: Word) => /^(?:[وفبكل]?ال|لل)/u.test(w.fold) && w.fold.length > 3;
// Inside a name chain only the bare article or genitive لل/ل continue it; "و…" starts a new conjunct
// ("وزارة الداخلية والمديريات"), "ب…" a prepositional phrase ("بالشراكة").
const continuesChain = (w: Word) => /^(?:ال|لل)/u.test(w.fold) && w.fold.length > 3;
const isConjunct = (w: Word) => /^و/u.test(w.fold) && withoutClitics(w.fold).slice(1).some((f) => f.startsWith("ال") || ORG_HEADS.has(f) || TITLE_HEADS.has(f));
const isArabic = (w: Word) => /^[\u0621-\u064A]+$/u.test(w.fold);

/** End (exclusive word index) of a genitive chain of ال-words and construct nouns starting at `from`. */
function chainEnd(ws: readonly Word[], from: number, located: boolean, coordinated = false): number {
  let i = from;
  while (i < ws.length && i - from < MAX_CHAIN && !ws[i]!.breakBefore) {
    const w = ws[i]!;
    if (w.quoteBefore || isIn(RANKS, w.fold)) break;
    if (isIn(NOT_NAME, w.fold) && !(located && w.fold === "في")) break;
    if (located && w.fold === "في" && ws[i + 1] && hasArticle(ws[i + 1]!) && !ws[i + 1]!.breakBefore) {
      i += 2;
      continue;
    }
    // A title may coordinate two genitives ("لجنة الأمن والدفاع"); an organisation list may not.
    if (isConjunct(w)) {
      if (coordinated && /^وال/u.test(w.fold) && i > from && continuesChain(ws[i - 1]!)) {
        i++;
        continue;
      }
      break;
    }
    if (continuesChain(w) || isIn(CONSTRUCT, w.fold) || isIn(ORG_HEADS, w.fold) || isIn(TITLE_HEADS, w.fold)) i++;
    else break;
  }
  return i;
}

/** Name words from `from`: 2–4 words (1 after a rank), none a particle, the first without an article. */
function nameEnd(ws: readonly Word[], from: number, minWords: number): number {
  const first = ws[from];
  if (!first || !isArabic(first) || hasArticle(first) || isIn(NOT_NAME, first.fold) || isIn(TITLE_HEADS, first.fold) || isIn(ORG_HEADS, first.fold) || isIn(CONSTRUCT, first.fold)) return from;
  let i = from + 1;
  let budget = NAME_JOINERS.has(first.fold) ? 3 : 2;
  while (i < ws.length && budget > 0 && !ws[i]!.breakBefore && isArabic(ws[i]!) && !isIn(NOT_NAME, ws[i]!.fold) && !isIn(RANKS, ws[i]!.fold) && !/^و/u.test(ws[i]!.fold)) {
    if (isIn(TITLE_HEADS, ws[i]!.fold) || isIn(ORG_HEADS, ws[i]!.fold)) break;
    // Past the first word, an ال-word belongs to the name only as a nisba surname ("الشمري",
    // "السوداني"); "العمل", "التزام" after a name start the rest of the sentence.
    const joined = NAME_JOINERS.has(ws[i - 1]!.fold);
    if (!joined && (hasArticle(ws[i]!) ? !/^ال.+ي$/u.test(ws[i]!.fold) : i - from >= 2)) break;
    if (NAME_JOINERS.has(ws[i]!.fold)) budget++;
    i++;
    budget--;
  }
  return i - from >= minWords ? i : from;
}

function samePerson(ws: readonly Word[], from: number, actors: readonly NewActorProposal[]): { end: number; key: string } | null {
  const first = ws[from];
  if (!first) return null;
  for (const a of actors) {
    if (a.kind !== "PERSON") continue;
    const parts = foldText(a.nameAr).split(/\s+/u);
    if (parts.every((p, k) => ws[from + k]?.fold === p)) return { end: from + parts.length, key: a.key };
    if (parts.length >= 2 && first.fold === parts.at(-1)) return { end: from + 1, key: a.key };
  }
  return null;
}

/** True when `m` overlaps no known name, or contains every one it overlaps and qualifies one of them. */
function qualifiesKnown(m: { start: number; end: number }, known: readonly { start: number; end: number }[]): boolean {
  const touching = known.filter((k) => overlaps(k, m));
  if (touching.length === 0) return true;
  return touching.every((k) => m.start <= k.start && k.end <= m.end) && touching.some((k) => k.end < m.end - 1);
}

export interface ActorProposals {
  actors: NewActorProposal[];
  mentions: MentionProposal[];
}

const keyOf = (name: string) => `new:${foldText(name).replace(/\s+/g, "-")}`;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Proposes actors the gazetteer does not know, from the way Arabic news introduces them:
 * organisations open with a head noun (بعثة، وزارة، قيادة، هيئة، حلف، الاتحاد …) followed by a chain of
 * ال-words ("وزارة الخارجية العراقية"); people follow a title chain ("وزير الداخلية العراقي …",
 * "قائد بعثة الناتو في العراق، الفريق …") or a rank ("الأدميرال …"). The title becomes the proposed
 * position and the organisation inside it the affiliation. A later bare surname ("الشمري") is
 * linked to the full name. Spans already covered by `known` mentions are never proposed.
 */
export function proposeActors(text: string, field: Field, known: readonly MentionProposal[]): ActorProposals {
  const ws = words(text);
  const actors = new Map<string, NewActorProposal>();
  const orgSpans: { start: number; end: number; actor: string }[] = [];
  const isKnown = (s: { start: number; end: number }) => known.some((k) => overlaps(k, s));
  const knownIn = (s: { start: number; end: number }) => known.filter((k) => k.start >= s.start && k.end <= s.end);

  // Organisations.
  for (let i = 0; i < ws.length; i++) {
    if (!isIn(ORG_HEADS, ws[i]!.fold)) continue;
    const located = isIn(LOCATED_ORGS, ws[i]!.fold);
    let end = chainEnd(ws, i + 1, located);
    if (end > i + 1 && ws[end - 1]!.fold === "في") end--;
    if (end === i + 1) continue;
    const span = { start: ws[i]!.start, end: ws[end - 1]!.end };
    const exact = known.some((k) => k.start === span.start && k.end === span.end);
    if (!exact && !known.some((k) => k.start <= span.start && k.end >= span.end)) {
      // Drop an attached clitic from the name ("ووزارة" → "وزارة"); ل + ال is written لل, so the
      // name restores the article ("للتحالف العالمي" → "التحالف العالمي") while the quote stays verbatim.
      const head = ws[i]!.fold;
      const written = text.slice(span.start, span.end);
      const fusedLam = head.startsWith("لل") && !ORG_HEADS.has(head) && ORG_HEADS.has(`ال${head.slice(2)}`);
      const bare = fusedLam || ORG_HEADS.has(head) ? undefined : withoutClitics(head).find((f) => f !== head && ORG_HEADS.has(f));
      const nameAr = fusedLam ? `ال${written.slice(2)}` : bare ? written.slice(head.length - bare.length) : written;
      const start = fusedLam ? span.start : span.end - nameAr.length;
      const key = keyOf(nameAr);
      if (!actors.has(key)) {
        actors.set(key, { key, kind: "ORGANISATION", nameAr, position: null, affiliation: null, evidence: { field, start, end: span.end, quote: text.slice(start, span.end) }, confidence: 0.6 });
      }
      orgSpans.push({ start, end: span.end, actor: key });
    }
    i = end - 1;
  }

  // People: a title chain, optionally "، <rank>", then a name; or a rank, then a name.
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    let titleEnd = i;
    let nameFrom = -1;
    let minWords = 2;
    if (isIn(RANKS, w.fold) && !isIn(TITLE_HEADS, w.fold)) {
      nameFrom = i + 1;
      while (ws[nameFrom] && RANK_TAIL.has(ws[nameFrom]!.fold)) nameFrom++;
      titleEnd = nameFrom;
      minWords = 1;
    } else if (isIn(TITLE_HEADS, w.fold)) {
      const located = true;
      titleEnd = chainEnd(ws, i + 1, located, true);
      while (titleEnd > i + 1 && ws[titleEnd - 1]!.fold === "في") titleEnd--;
      nameFrom = titleEnd;
      // An acronym in quotes may follow the title: "… لحلف شمال الأطلسي "الناتو" الأدميرال …".
      let after = titleEnd;
      if (ws[after]?.quoteBefore && ws[after + 1]?.quoteBefore) after++;
      const next = ws[after];
      if (next && isIn(RANKS, next.fold)) {
        nameFrom = after + 1;
        while (ws[nameFrom] && RANK_TAIL.has(ws[nameFrom]!.fold)) nameFrom++;
        minWords = 1;
      } else if (next?.breakBefore) continue;
    } else continue;
    // A name already proposed in this article (in full, or its surname after a rank) is the same person.
    const earlier = samePerson(ws, nameFrom, [...actors.values()]);
    const end = earlier?.end ?? nameEnd(ws, nameFrom, minWords);
    if (end === nameFrom) continue;
    // Without a rank, a name after a title is closed by punctuation, a particle or a conjunction;
    // two plain words that run on ("قائد … تأمين حدود بلاده") are the rest of the sentence.
    const after = ws[end];
    if (!earlier && minWords === 2 && after && !after.breakBefore && !after.quoteBefore && !isIn(NOT_NAME, after.fold) && !/^و/u.test(after.fold)) continue;
    if (earlier) {
      i = end - 1;
      continue;
    }
    const nameSpan = { start: ws[nameFrom]!.start, end: ws[end - 1]!.end };
    if (isKnown(nameSpan)) {
      i = end - 1;
      continue;
    }
    const nameAr = text.slice(nameSpan.start, nameSpan.end);
    const key = keyOf(nameAr);
    const titleSpan = { start: w.start, end: ws[titleEnd - 1]!.end };
    const position = titleEnd > i ? text.slice(titleSpan.start, titleSpan.end) : null;
    const orgsInTitle = [...knownIn(titleSpan).map((k) => ({ ...k })), ...orgSpans.filter((o) => o.start >= titleSpan.start && o.end <= titleSpan.end)];
    const affiliation = orgsInTitle.sort((a, b) => a.start - b.start)[0]?.actor ?? null;
    if (!actors.has(key)) {
      actors.set(key, {
        key,
        kind: "PERSON",
        nameAr,
        position: position?.replace(/^[وفلب](?=(?:وزير|رئيس|مستشار|قائد|نائب|سفير|ممثل))/u, "") ?? null,
        affiliation,
        evidence: { field, start: titleSpan.start, end: nameSpan.end, quote: text.slice(titleSpan.start, nameSpan.end) },
        confidence: minWords === 1 ? 0.7 : 0.6,
      });
    }
    i = end - 1;
  }

  // Every occurrence of each proposed name, then bare surnames of people.
  const folded = foldField(text);
  const mentions: MentionProposal[] = [];
  for (const a of actors.values()) {
    for (const s of findName(folded, a.nameAr)) mentions.push({ ...s, field, quote: text.slice(s.start, s.end), actor: a.key, known: false, confidence: a.confidence });
    const parts = a.nameAr.split(/\s+/u);
    const surname = parts.at(-1)!;
    if (a.kind === "PERSON" && parts.length >= 2 && foldText(surname).length >= 4 && !NAME_JOINERS.has(foldText(parts.at(-2)!))) {
      for (const s of findName(folded, surname)) mentions.push({ ...s, field, quote: text.slice(s.start, s.end), actor: a.key, known: false, confidence: a.confidence * 0.8 });
    }
  }
  // A proposed organisation that qualifies a known name after it wins ("بعثة الاتحاد الأوروبي الاستشارية"
  // is the mission, not the EU); "قوات الناتو" stays NATO. The caller resolves overlaps longest first.
  const kept = longestFirst(mentions).filter((m) => qualifiesKnown(m, known));
  // A proposal none of whose occurrences survive is a known actor under a known name: not new.
  const used = new Set(kept.map((m) => m.actor));
  return { actors: [...actors.values()].filter((a) => used.has(a.key)), mentions: kept };
}
