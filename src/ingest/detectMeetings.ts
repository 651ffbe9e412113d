import { foldText } from "../text/index.js";
import type { DateMention } from "./parseDates.js";
import { findName, foldField } from "./findName.js";
import { sentences } from "./sentences.js";
import type { Field, Gazetteer, MeetingProposal, MentionProposal, ParticipantProposal, Quote } from "./types.js";
import { withoutClitics, words } from "./words.js";

/**
 * Reporting verbs and nouns of meetings in Arabic news. `hostFirst`: the actor written before the
 * word hosts ("استقبل X Y": X receives Y); for nouns ("اجتماع لX مع Y") the first named is the host too.
 */
const TRIGGERS: { words: string[]; kind: MeetingProposal["kind"] }[] = [
  { words: ["استقبل", "يستقبل", "استقبلت", "تستقبل", "استقبال", "باستقبال"], kind: "MEETING" },
  { words: ["التقى", "يلتقي", "التقت", "تلتقي", "لقاء", "اللقاء", "لقائه", "لقائها", "يلتقى"], kind: "MEETING" },
  { words: ["اجتمع", "يجتمع", "اجتمعت", "تجتمع", "اجتماع", "الاجتماع", "اجتماعا", "اجتماعه"], kind: "MEETING" },
  { words: ["بحث", "يبحث", "بحثت", "تبحث", "مباحثات", "المباحثات", "محادثات", "المحادثات"], kind: "MEETING" },
  { words: ["زيارة", "الزيارة", "زار", "يزور", "زيارته", "زارت", "تزور"], kind: "DELEGATION_VISIT" },
  { words: ["اتصال", "اتصالا", "اتصالاً"], kind: "CALL" },
  { words: ["هامش"], kind: "SIDELINE_MEETING" },
  { words: ["احتفالية", "الاحتفالية", "حفل", "الحفل", "احتفال", "الاحتفال", "مراسم"], kind: "CEREMONY" },
  { words: ["مؤتمر", "المؤتمر", "ندوة", "الندوة", "ورشة", "الورشة", "منتدى", "المنتدى", "قمة", "القمة"], kind: "CONFERENCE" },
];
const TRIGGER_KIND = new Map<string, MeetingProposal["kind"]>();
for (const t of TRIGGERS) for (const w of t.words) TRIGGER_KIND.set(foldText(w), t.kind);

// "بحث" is also "research"/"discussed (a topic)": it reports a meeting only with "مع" or two parties.
const NEEDS_TWO = new Set(["بحث", "يبحث", "بحثت", "تبحث"].map((w) => foldText(w)));

function triggerIn(sentenceText: string): { word: string; kind: MeetingProposal["kind"]; start: number } | null {
  for (const w of words(sentenceText)) {
    for (const form of withoutClitics(w.fold)) {
      const kind = TRIGGER_KIND.get(form);
      if (kind) return { word: w.text, kind, start: w.start };
    }
  }
  return null;
}

export interface MeetingInputs {
  text: string;
  field: Field;
  /** Actor mentions, known and proposed. */
  mentions: readonly MentionProposal[];
  /** Actors that can take part in a meeting: people, and organisations only where no person is named. */
  isPerson: (actor: string) => boolean;
  isState: (actor: string) => boolean;
  dates: readonly DateMention[];
  gazetteer: Gazetteer;
}

/**
 * One proposal per sentence that reports a meeting: a trigger word and at least two different
 * participants named in the same sentence. People are preferred; an organisation takes part only
 * when no person stands on its side of the trigger (a delegation of "the ministry").
 * The actor named before the trigger hosts, those after it visit. The place comes from "في <place>"
 * or "على هامش …"; the date from an expression in the sentence, else the nearest date before it
 * (the lead usually dates the whole report), with lower confidence.
 */
export function detectMeetings(input: MeetingInputs): MeetingProposal[] {
  const { text, field, mentions, isPerson, isState, dates, gazetteer } = input;
  const folded = foldField(text);
  const placeSpans = gazetteer.places.flatMap((p) => p.names.flatMap((n) => findName(folded, n).map((s) => ({ ...s, place: p.slug }))));
  const out: MeetingProposal[] = [];
  for (const s of sentences(text)) {
    const trigger = triggerIn(s.text);
    if (!trigger) continue;
    const at = s.start + trigger.start;
    // States are where meetings happen and whom they concern ("التعاون مع العراق"), not who met.
    const inside = mentions.filter((m) => m.start >= s.start && m.end <= s.end && !isState(m.actor));
    const people = inside.filter((m) => isPerson(m.actor));
    const side = (before: boolean) => {
      const own = inside.filter((m) => (m.start < at) === before);
      const ppl = own.filter((m) => isPerson(m.actor));
      if (ppl.length > 0) return ppl;
      const near = before ? own.at(-1) : own[0];
      return people.length >= 2 || !near ? [] : [near];
    };
    let hosts = side(true);
    let visitors = side(false);
    // Noun first ("خلال اجتماع لـX مع Y", "لقاء X مع Y"): X hosts, those after "مع" visit.
    const withAt = s.text.indexOf(" مع ", trigger.start);
    if (hosts.length === 0 && withAt >= 0) {
      const pivot = s.start + withAt;
      const ppl = (list: MentionProposal[]) => (list.some((m) => isPerson(m.actor)) ? list.filter((m) => isPerson(m.actor)) : list.slice(0, 1));
      const before = inside.filter((m) => m.start > at && m.start < pivot);
      const after = inside.filter((m) => m.start > pivot);
      if (before.length > 0 && after.length > 0) {
        hosts = ppl(before).slice(0, 1);
        visitors = ppl(after);
      }
    }
    // Verb first (VSO, the usual news order: "استقبل X Y"): the first named after the verb hosts.
    if (hosts.length === 0 && visitors.length >= 2) hosts = visitors.splice(0, 1);
    const participants: ParticipantProposal[] = [];
    const seen = new Set<string>();
    const add = (m: MentionProposal, role: ParticipantProposal["role"]) => {
      if (seen.has(m.actor)) return;
      seen.add(m.actor);
      participants.push({ actor: m.actor, role, evidence: { field, start: m.start, end: m.end, quote: m.quote } });
    };
    const firstHost = hosts.at(-1);
    if (firstHost) add(firstHost, "HOST");
    for (const m of visitors) add(m, firstHost ? "VISITOR" : "PRESENT");
    for (const m of hosts) add(m, "PRESENT");
    if (participants.length < 2) continue;
    if (NEEDS_TWO.has(foldText(trigger.word)) && !/مع/u.test(s.text.slice(trigger.start))) continue;

    const placeHit = placeSpans.find((p) => p.start >= s.start && p.end <= s.end && /(?:في|ب)\s*$/u.test(text.slice(Math.max(s.start, p.start - 4), p.start)));
    const sideline = /على هامش[^،.]{0,80}/u.exec(s.text);
    const placeEvidence: Quote | null = placeHit
      ? { field, start: placeHit.start, end: placeHit.end, quote: text.slice(placeHit.start, placeHit.end) }
      : sideline
        ? { field, start: s.start + sideline.index, end: s.start + sideline.index + sideline[0].length, quote: sideline[0] }
        : null;
    const own = dates.find((d) => d.start >= s.start && d.end <= s.end && d.date.earliest !== null);
    // Otherwise the nearest date written before the sentence (a later date is usually a deadline or background).
    const lead = dates.filter((d) => d.end <= s.start && d.date.earliest !== null).at(-1);
    const date = own?.date ?? lead?.date ?? null;
    out.push({
      kind: sideline ? "SIDELINE_MEETING" : trigger.kind,
      trigger: trigger.word,
      participants,
      place: placeHit?.place ?? null,
      placeEvidence,
      date,
      evidence: { field, start: s.start, end: s.end, quote: s.text },
      confidence: Math.min(0.9, 0.5 + 0.1 * people.length + (own ? 0.1 : 0)),
    });
  }
  return mergeSameMeeting(out);
}

/** A report repeats its meeting (headline, lead, details): same participants → one proposal, the first. */
function mergeSameMeeting(meetings: MeetingProposal[]): MeetingProposal[] {
  const kept: MeetingProposal[] = [];
  for (const m of meetings) {
    const actors = new Set(m.participants.map((p) => p.actor));
    const same = kept.find((k) => k.participants.filter((p) => actors.has(p.actor)).length >= Math.min(2, actors.size));
    if (!same) kept.push(m);
    else {
      for (const p of m.participants) if (!same.participants.some((q) => q.actor === p.actor)) same.participants.push({ ...p, role: "PRESENT" });
      same.place ??= m.place;
      same.placeEvidence ??= m.placeEvidence;
      same.date ??= m.date;
    }
  }
  return kept;
}
