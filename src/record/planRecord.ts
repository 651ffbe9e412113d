import { normalizeForSearch } from "../text/index.js";
import { FieldReader } from "./fieldReader.js";
import { findSurface } from "./findSurface.js";
import type { Span } from "./findSurface.js";
import type { RawRecord } from "./loadRecord.js";
import { RecordError } from "./RecordError.js";
import type { RecordProblem } from "./RecordError.js";
import type { PlannedArticle, PlannedDate, PlannedEvidence, PlannedMeeting, PlannedTopic, SeedPlan } from "./SeedPlan.js";
import { contentHash, storedText } from "./storedText.js";
import type { StoredText } from "./storedText.js";
import { ACTOR_KINDS, DATE_DERIVATIONS, DATE_PRECISIONS, MEETING_KINDS, PARTICIPANT_ROLES, WEEKDAYS } from "./vocabulary.js";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function searchText(names: readonly string[]): string {
  return [...new Set(names.map(normalizeForSearch).filter((n) => n.length > 0))].join("\n");
}

/**
 * Validates the curated record and locates every quote and mention in the stored texts.
 * Pure: the same record always gives the same plan, or a {@link RecordError} listing every
 * problem with its file and entry (a quote that is not verbatim, a dangling slug, a duplicate).
 */
export function planRecord(raw: RawRecord): SeedPlan {
  const problems: RecordProblem[] = [];
  const plan: SeedPlan = { actors: [], topics: [], places: [], articles: [], meetings: [] };

  // Actors first: every other file refers to them by slug. Cross-references are checked last.
  const actorsFile = new FieldReader(problems, "record/actors.yaml");
  const actorSlugs = new Set<string>();
  const pendingPositions: { reader: FieldReader; entry: string; actor: number; raw: Record<string, unknown> }[] = [];
  const refs: { reader: FieldReader; entry: string; slug: string; set: "actor" | "topic" | "place" | "article" }[] = [];
  actorsFile.list(raw.actors, "(file)", false).forEach((value, index) => {
    const a = actorsFile.object(value, `actor #${index + 1}`);
    const slug = actorsFile.string(a.slug, `actor #${index + 1} slug`);
    const entry = `actor ${slug}`;
    if (slug && !SLUG.test(slug)) actorsFile.problem(entry, "slug must be lowercase ASCII kebab-case");
    if (actorSlugs.has(slug)) actorsFile.problem(entry, "duplicate slug");
    actorSlugs.add(slug);
    const affiliation = actorsFile.optionalString(a.affiliation, `${entry} affiliation`);
    if (affiliation) refs.push({ reader: actorsFile, entry: `${entry} affiliation`, slug: affiliation, set: "actor" });
    const wikidata = actorsFile.optionalString(a.wikidata, `${entry} wikidata`);
    if (wikidata && !/^Q[1-9]\d*$/.test(wikidata)) actorsFile.problem(entry, `wikidata must be a QID like Q7184, got "${wikidata}"`);
    const aliases = [
      ...actorsFile.list(a.aliasesAr, `${entry} aliasesAr`).map((t) => ({ text: actorsFile.string(t, `${entry} aliasesAr`), lang: "ar" as const })),
      ...actorsFile.list(a.aliasesEn, `${entry} aliasesEn`).map((t) => ({ text: actorsFile.string(t, `${entry} aliasesEn`), lang: "en" as const })),
    ];
    plan.actors.push({
      slug,
      kind: actorsFile.oneOf(a.kind, ACTOR_KINDS, `${entry} kind`),
      nameAr: actorsFile.string(a.nameAr, `${entry} nameAr`),
      nameEn: actorsFile.string(a.nameEn, `${entry} nameEn`),
      affiliation,
      wikidata,
      searchText: "",
      aliases,
      positions: [],
    });
    actorsFile.list(a.positions, `${entry} positions`).forEach((p, i) =>
      pendingPositions.push({ reader: actorsFile, entry: `${entry} position #${i + 1}`, actor: plan.actors.length - 1, raw: actorsFile.object(p, `${entry} position #${i + 1}`) }),
    );
  });

  // Topics: a tree, flattened parents-first so each row's parent exists when it is written.
  const topicsFile = new FieldReader(problems, "record/topics.yaml");
  const topicSlugs = new Set<string>();
  const walkTopics = (nodes: unknown, parent: string | null, path: string) => {
    topicsFile.list(nodes, path, parent !== null).forEach((value, index) => {
      const t = topicsFile.object(value, `${path} #${index + 1}`);
      const slug = topicsFile.string(t.slug, `${path} #${index + 1} slug`);
      const entry = `topic ${slug}`;
      if (slug && !SLUG.test(slug)) topicsFile.problem(entry, "slug must be lowercase ASCII kebab-case");
      if (topicSlugs.has(slug)) topicsFile.problem(entry, "duplicate slug");
      topicSlugs.add(slug);
      const keywordsAr = topicsFile.list(t.keywordsAr, `${entry} keywordsAr`).map((k) => topicsFile.string(k, `${entry} keywordsAr`));
      const keywordsEn = topicsFile.list(t.keywordsEn, `${entry} keywordsEn`).map((k) => topicsFile.string(k, `${entry} keywordsEn`));
      const topic: PlannedTopic = {
        slug,
        nameAr: topicsFile.string(t.nameAr, `${entry} nameAr`),
        nameEn: topicsFile.string(t.nameEn, `${entry} nameEn`),
        parent,
        plover: topicsFile.optionalString(t.plover, `${entry} plover`),
        keywordsAr,
        keywordsEn,
        searchText: "",
      };
      topic.searchText = searchText([topic.nameAr, topic.nameEn, ...keywordsAr, ...keywordsEn]);
      plan.topics.push(topic);
      walkTopics(t.children, slug, `${entry} children`);
    });
  };
  walkTopics(raw.topics, null, "(file)");

  const placesFile = new FieldReader(problems, "record/places.yaml");
  const placeSlugs = new Set<string>();
  placesFile.list(raw.places, "(file)", false).forEach((value, index) => {
    const p = placesFile.object(value, `place #${index + 1}`);
    const slug = placesFile.string(p.slug, `place #${index + 1} slug`);
    const entry = `place ${slug}`;
    if (placeSlugs.has(slug)) placesFile.problem(entry, "duplicate slug");
    placeSlugs.add(slug);
    const country = placesFile.optionalString(p.country, `${entry} country`);
    if (country) refs.push({ reader: placesFile, entry: `${entry} country`, slug: country, set: "actor" });
    const lat = placesFile.optionalNumber(p.lat, `${entry} lat`);
    const lon = placesFile.optionalNumber(p.lon, `${entry} lon`);
    if ((lat !== null && Math.abs(lat) > 90) || (lon !== null && Math.abs(lon) > 180)) placesFile.problem(entry, "coordinates out of range");
    plan.places.push({ slug, nameAr: placesFile.string(p.nameAr, `${entry} nameAr`), nameEn: placesFile.string(p.nameEn, `${entry} nameEn`), lat, lon, country });
  });

  // Articles: derive the stored text, then locate every quote in it.
  const texts = new Map<string, StoredText>();
  const hashes = new Map<string, string>();
  const meetingsBySlug = new Map<string, PlannedMeeting>();
  const aliasesByActor = new Map<string, Set<string>>();

  for (const record of raw.articles) {
    const reader = new FieldReader(problems, record.file);
    const r = reader.object(record.data, "(file)");
    const fileName = reader.string(r.file, "file");
    const slug = fileName.replace(/\.txt$/, "");
    if (record.original === null) {
      reader.problem("file", `source text seeds/articles/${fileName} not found`);
      continue;
    }
    const headline = reader.optionalString(r.headline, "headline");
    const boilerplate = reader.list(r.boilerplate, "boilerplate").map((line) => reader.string(line, "boilerplate").trim());
    const stored = storedText(record.original, headline, boilerplate);
    if (typeof stored === "string") {
      reader.problem("headline/boilerplate", stored);
      continue;
    }
    const hash = contentHash(stored);
    const twin = hashes.get(hash);
    if (twin) reader.problem("file", `the same text as ${twin} (content hash ${hash.slice(0, 12)}…): a second copy is refused`);
    hashes.set(hash, record.file);
    texts.set(slug, stored);

    const locate = (quote: unknown, entry: string): PlannedEvidence | null => {
      const text = reader.string(quote, entry);
      if (!text) return null;
      const inHeadline = stored.headline?.indexOf(text) ?? -1;
      if (inHeadline >= 0) return { article: slug, field: "HEADLINE", start: inHeadline, end: inHeadline + text.length, quote: text };
      const inBody = stored.body.indexOf(text);
      if (inBody >= 0) return { article: slug, field: "BODY", start: inBody, end: inBody + text.length, quote: text };
      reader.problem(entry, `quote is not a verbatim substring of the stored text: "${text}"`);
      return null;
    };
    const readDate = (value: unknown, entry: string): PlannedDate => {
      const d = reader.object(value, entry);
      const date: PlannedDate = {
        precision: reader.oneOf(d.precision, DATE_PRECISIONS, `${entry} precision`),
        earliest: reader.optionalDay(d.earliest, `${entry} earliest`),
        latest: reader.optionalDay(d.latest, `${entry} latest`),
        weekday: d.weekday == null ? null : reader.oneOf(d.weekday, WEEKDAYS, `${entry} weekday`),
        derivation: reader.oneOf(d.derivation, DATE_DERIVATIONS, `${entry} derivation`),
        text: d.text == null ? null : (locate(d.text, `${entry} text`)?.quote ?? null),
        note: reader.optionalString(d.note, `${entry} note`),
      };
      if (date.earliest && date.latest && date.earliest > date.latest) reader.problem(entry, `earliest ${date.earliest} is after latest ${date.latest}`);
      if (date.precision === "DAY" && (date.earliest === null || date.earliest !== date.latest)) reader.problem(entry, "precision DAY needs earliest = latest");
      if (date.derivation === "INFERRED" && !date.note) reader.problem(entry, "an INFERRED date needs a note saying how");
      return date;
    };

    const publisher = reader.optionalString(r.publisher, "publisher");
    if (publisher) refs.push({ reader, entry: "publisher", slug: publisher, set: "actor" });
    const article: PlannedArticle = {
      slug,
      file: fileName,
      publisher,
      publisherBasis: reader.optionalString(r.publisherBasis, "publisherBasis"),
      headline: stored.headline,
      body: stored.body,
      language: reader.string(r.language ?? "ar", "language"),
      url: reader.optionalString(r.url, "url"),
      contentHash: hash,
      removedLines: stored.removedLines,
      date: readDate(r.date, "date"),
      mentions: [],
      topics: [],
    };

    // Mentions: every listed surface, everywhere it stands; the longer match wins an overlap.
    const candidates: { actor: string; field: "HEADLINE" | "BODY"; span: Span; surface: string; entry: string }[] = [];
    reader.list(r.mentions, "mentions").forEach((value, index) => {
      const m = reader.object(value, `mention #${index + 1}`);
      const actor = reader.string(m.actor, `mention #${index + 1} actor`);
      const entry = `mentions › ${actor}`;
      refs.push({ reader, entry, slug: actor, set: "actor" });
      for (const s of reader.list(m.surfaces, `${entry} surfaces`, false)) {
        const spec = typeof s === "string" ? { text: s } : reader.object(s, `${entry} surface`);
        const surface = reader.string(spec.text, `${entry} surface`);
        if (!surface) continue;
        const found: { field: "HEADLINE" | "BODY"; span: Span }[] = [
          ...(stored.headline ? findSurface(stored.headline, surface).map((span) => ({ field: "HEADLINE" as const, span })) : []),
          ...findSurface(stored.body, surface).map((span) => ({ field: "BODY" as const, span })),
        ];
        if (found.length === 0) {
          reader.problem(`${entry} "${surface}"`, "surface form does not occur in the stored text as a word");
          continue;
        }
        const wanted = spec.occurrences == null ? null : reader.list(spec.occurrences, `${entry} "${surface}" occurrences`).map(Number);
        if (wanted?.some((n) => !Number.isInteger(n) || n < 1 || n > found.length)) {
          reader.problem(`${entry} "${surface}"`, `occurrences must be between 1 and ${found.length}`);
        }
        found.forEach((f, i) => {
          if (wanted === null || wanted.includes(i + 1)) candidates.push({ actor, ...f, surface, entry });
        });
        // A nominal reference ("الوزير", "البعثة") is a mention but not a name of the actor.
        if (spec.nominal !== true) {
          if (!aliasesByActor.has(actor)) aliasesByActor.set(actor, new Set());
          aliasesByActor.get(actor)!.add(surface);
        }
      }
    });
    candidates.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
    const accepted: typeof candidates = [];
    for (const c of candidates) {
      const clash = accepted.find((a) => a.field === c.field && a.span.start < c.span.end && c.span.start < a.span.end);
      if (!clash) accepted.push(c);
      else if (clash.span.start === c.span.start && clash.span.end === c.span.end && clash.actor !== c.actor) {
        reader.problem(c.entry, `"${c.surface}" at ${c.field.toLowerCase()} offset ${c.span.start} is also listed for ${clash.actor}; use occurrences to say which is which`);
      }
    }
    accepted.sort((a, b) => (a.field === b.field ? a.span.start - b.span.start : a.field === "HEADLINE" ? -1 : 1));
    const source = (field: "HEADLINE" | "BODY") => (field === "HEADLINE" ? stored.headline! : stored.body);
    article.mentions = accepted.map((c) => ({ actor: c.actor, field: c.field, start: c.span.start, end: c.span.end, surface: source(c.field).slice(c.span.start, c.span.end) }));

    reader.list(r.topics, "topics").forEach((value, index) => {
      const t = reader.object(value, `topics #${index + 1}`);
      const topic = reader.string(t.topic, `topics #${index + 1} topic`);
      refs.push({ reader, entry: `topics › ${topic}`, slug: topic, set: "topic" });
      const evidence = locate(t.quote, `topics › ${topic} quote`);
      if (evidence) article.topics.push({ topic, evidence });
    });

    reader.list(r.meetings, "meetings").forEach((value, index) => {
      const m = reader.object(value, `meeting #${index + 1}`);
      const key = reader.string(m.key, `meeting #${index + 1} key`);
      const entry = `meeting ${key}`;
      if (key && !SLUG.test(key)) reader.problem(entry, "key must be lowercase ASCII kebab-case");
      const sourceQuote = locate(m.quote, `${entry} quote`);
      const participants = reader.list(m.participants, `${entry} participants`, false).flatMap((p, i) => {
        const pe = `${entry} participant #${i + 1}`;
        const row = reader.object(p, pe);
        const actor = reader.string(row.actor, `${pe} actor`);
        refs.push({ reader, entry: pe, slug: actor, set: "actor" });
        const role = reader.oneOf(row.role, PARTICIPANT_ROLES, `${pe} role`);
        const representing = reader.optionalString(row.representing, `${pe} representing`);
        if (representing) refs.push({ reader, entry: `${pe} representing`, slug: representing, set: "actor" });
        if ((role === "REPRESENTATIVE") !== (representing !== null)) reader.problem(pe, "role REPRESENTATIVE goes with `representing`, and only it");
        const evidence = locate(row.quote, `${pe} quote`);
        return evidence ? [{ actor, role, representing, evidence }] : [];
      });
      const topics = reader.list(m.topics, `${entry} topics`).flatMap((t, i) => {
        const row = reader.object(t, `${entry} topic #${i + 1}`);
        const topic = reader.string(row.topic, `${entry} topic #${i + 1}`);
        refs.push({ reader, entry: `${entry} topic ${topic}`, slug: topic, set: "topic" });
        const evidence = locate(row.quote, `${entry} topic ${topic} quote`);
        return evidence ? [{ topic, evidence }] : [];
      });
      const existing = meetingsBySlug.get(key);
      if (existing) {
        // The same key in a second article: a further source of one meeting, never a second meeting.
        if (existing.sources.some((s) => s.article === slug)) reader.problem(entry, "duplicate meeting key in one article");
        if (sourceQuote) existing.sources.push(sourceQuote);
        for (const p of participants) if (!existing.participants.some((q) => q.actor === p.actor && q.role === p.role)) existing.participants.push(p);
        existing.topics.push(...topics);
        return;
      }
      const place = reader.optionalString(m.place, `${entry} place`);
      if (place) refs.push({ reader, entry: `${entry} place`, slug: place, set: "place" });
      const meeting: PlannedMeeting = {
        slug: key,
        kind: reader.oneOf(m.kind, MEETING_KINDS, `${entry} kind`),
        date: readDate(m.date, `${entry} date`),
        place,
        placeEvidence: m.placeQuote == null ? null : locate(m.placeQuote, `${entry} placeQuote`),
        summaryEn: reader.string(m.summaryEn, `${entry} summaryEn`),
        summaryAr: reader.string(m.summaryAr, `${entry} summaryAr`),
        sources: sourceQuote ? [sourceQuote] : [],
        participants,
        topics,
      };
      if (participants.length < 2 && meeting.kind !== "CONFERENCE" && meeting.kind !== "CEREMONY") reader.problem(entry, "a meeting needs at least two participants");
      meetingsBySlug.set(key, meeting);
      plan.meetings.push(meeting);
    });
    plan.articles.push(article);
  }

  for (const position of pendingPositions) {
    const { reader, entry, raw: p } = position;
    const actor = plan.actors[position.actor]!;
    const article = reader.string(p.article, `${entry} article`);
    const stored = texts.get(article);
    if (!stored) {
      reader.problem(`${entry} article`, `no article "${article}" in the record`);
      continue;
    }
    const quote = reader.string(p.quote, `${entry} quote`);
    const inHeadline = stored.headline?.indexOf(quote) ?? -1;
    const inBody = stored.body.indexOf(quote);
    if (inHeadline < 0 && inBody < 0) {
      reader.problem(`${entry} quote`, `quote is not a verbatim substring of the stored text of ${article}: "${quote}"`);
      continue;
    }
    const organisation = reader.optionalString(p.organisation, `${entry} organisation`);
    if (organisation) refs.push({ reader, entry: `${entry} organisation`, slug: organisation, set: "actor" });
    const field = inHeadline >= 0 ? ("HEADLINE" as const) : ("BODY" as const);
    const start = inHeadline >= 0 ? inHeadline : inBody;
    actor.positions.push({
      titleAr: reader.string(p.titleAr, `${entry} titleAr`),
      titleEn: reader.string(p.titleEn, `${entry} titleEn`),
      organisation,
      start: reader.optionalDay(p.start, `${entry} start`),
      end: reader.optionalDay(p.end, `${entry} end`),
      evidence: { article, field, start, end: start + quote.length, quote },
    });
  }

  const sets = { actor: actorSlugs, topic: topicSlugs, place: placeSlugs, article: new Set(texts.keys()) };
  for (const ref of refs) {
    if (!sets[ref.set].has(ref.slug)) ref.reader.problem(ref.entry, `no ${ref.set} with slug "${ref.slug}"`);
  }
  for (const actor of plan.actors) {
    const seen = new Set([actor.nameAr, actor.nameEn]);
    const fromTexts = [...(aliasesByActor.get(actor.slug) ?? [])].map((text) => ({ text, lang: "ar" as const }));
    actor.aliases = [...actor.aliases, ...fromTexts].filter((alias) => !seen.has(alias.text) && seen.add(alias.text));
    actor.searchText = searchText([actor.nameAr, actor.nameEn, ...actor.aliases.map((a) => a.text)]);
  }

  if (problems.length > 0) throw new RecordError(problems);
  return plan;
}
