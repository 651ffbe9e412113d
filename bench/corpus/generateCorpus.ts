import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Database } from "better-sqlite3";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { normalizeForSearch } from "../../src/text/index.js";
import { seededRandom } from "../../src/util/seededRandom.js";

// A deterministic synthetic cooperation record (same --articles, same bytes of data), written
// straight into a migrated SQLite file with plain better-sqlite3 inserts in large transactions.
// Shapes follow the real record: Arabic bodies of 1–4 KB assembled from varied sentence templates
// that name actors (each occurrence recorded as a Mention with exact UTF-16 offsets), meetings with
// 2–6 participants, topics from a two-level tree, and evidence quotes that are real substrings of
// the article they cite (body.slice(start, end) === quote).

export interface CorpusOptions {
  articles: number;
  file: string;
  /** Keep the FTS triggers during the inserts (slow path, for measuring their cost). */
  withTriggers?: boolean;
  seed?: number;
  progress?: (phase: string, done: number, total: number) => void;
}

export interface CorpusStats {
  file: string;
  articles: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: { insert: number; index: number; total: number };
  rowsPerSecond: number;
  withTriggers: boolean;
  megabytes: number;
}

/** Where `npm run bench:generate` puts the corpus of `n` articles (data/ is gitignored). */
export function corpusFile(n: number): string {
  return resolve(import.meta.dirname, `../../data/bench/corpus-${n}.db`);
}

/** Sizes derived from the article count (the real record has ~1 meeting per 2 articles). */
export function corpusShape(articles: number) {
  return {
    actors: 300 + Math.floor(articles / 100),
    places: 60,
    meetings: Math.floor(articles * 0.5),
    rootTopics: 10,
    subtopicsPerRoot: 5,
  };
}


const FIRST = ["قاسم", "فؤاد", "محمد", "عبد الأمير", "مصطفى", "حسين", "علي", "أحمد", "كريم", "سعد", "ناتالي", "جيوفاني", "ستيوارت", "ماريا", "يوهان", "بيير", "هشام", "رعد", "ثامر", "ليلى"];
const LAST = ["الأعرجي", "حسين", "السوداني", "الشمري", "الكاظمي", "علاوي", "لويزو", "اينوتشي", "مونش", "العبيدي", "الزيدي", "الجبوري", "الدليمي", "شولتز", "دوبوا", "روسي", "الساعدي", "التميمي"];
const ORG_HEADS = ["وزارة", "هيئة", "قيادة", "بعثة", "مجلس", "جهاز", "مديرية", "لجنة"];
const ORG_TAILS = ["الدفاع", "الداخلية", "الأمن الوطني", "العمليات المشتركة", "مكافحة الإرهاب", "الحدود", "الاستخبارات", "الشؤون الخارجية", "الناتو في العراق", "الاتحاد الأوروبي الاستشارية"];
const LATIN = ["Qasim", "Fuad", "Mohammed", "Abdul Amir", "Mustafa", "Hussein", "Ali", "Ahmed", "Karim", "Saad", "Nathalie", "Giovanni", "Stuart", "Maria", "Johan", "Pierre", "Hisham", "Raad", "Thamer", "Layla"];
const KINDS = ["PERSON", "PERSON", "PERSON", "PERSON", "ORGANISATION", "STATE", "INTERNATIONAL_ORGANISATION", "MISSION", "MEDIA"];
const PLACES = ["بغداد", "أربيل", "البصرة", "الموصل", "بروكسل", "لندن", "روما", "نابولي", "عمّان", "الكويت", "النجف", "كربلاء", "كركوك", "الأنبار", "باريس", "برلين"];
const TOPIC_ROOTS = ["الأمن", "مكافحة الإرهاب", "الحدود", "التدريب", "الإصلاح المؤسسي", "الجريمة المنظمة", "الأمن السيبراني", "حقوق الإنسان", "الاستخبارات", "الدعم اللوجستي"];
const TOPIC_LEAVES = ["التعاون الثنائي", "بناء القدرات", "تبادل المعلومات", "التدريب المشترك", "التمويل"];
const SAYS = ["أكد", "قال", "أوضح", "أشار", "شدد", "أعلن", "بيّن"];
const WHEN = ["اليوم", "أمس", "الثلاثاء", "الأربعاء", "الخميس", "صباح اليوم", "مساء الأحد"];
const LETTERS = [..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى"];
const ROLES = ["HOST", "VISITOR", "HEAD_OF_DELEGATION", "DELEGATION_MEMBER", "PRESENT"];
const MEETING_KINDS = ["MEETING", "DELEGATION_VISIT", "CEREMONY", "CONFERENCE", "SIDELINE_MEETING", "CALL"];

/** ISO day `offset` days after 2010-01-01 (the corpus spans ~15 years). */
function isoDay(offset: number): string {
  return new Date(Date.UTC(2010, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}
const DAYS = 15 * 365;

interface ActorSpec {
  id: number;
  name: string;
}

/** Builds an article body sentence by sentence, recording where actor names and sentences fall. */
class TextBuilder {
  text = "";
  readonly mentions: { actorId: number; start: number; end: number; surface: string }[] = [];
  readonly sentences: { start: number; end: number }[] = [];
  private sentenceStart = 0;

  beginSentence(): void {
    if (this.text.length > 0) this.text += " ";
    this.sentenceStart = this.text.length;
  }
  add(part: string): this {
    this.text += part;
    return this;
  }
  actor(actor: ActorSpec): this {
    const start = this.text.length;
    this.text += actor.name;
    this.mentions.push({ actorId: actor.id, start, end: this.text.length, surface: actor.name });
    return this;
  }
  endSentence(): void {
    this.sentences.push({ start: this.sentenceStart, end: this.text.length });
  }
}

/** Generates the corpus into `file` (replaced if it exists). */
export function generateCorpus(options: CorpusOptions): CorpusStats {
  const { articles: N, file } = options;
  const shape = corpusShape(N);
  const random = seededRandom(options.seed ?? 20261123);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const progress = options.progress ?? (() => {});

  mkdirSync(dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  const db = openDatabase(file);
  migrate(db);
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");

  const triggers = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'SearchIndex_%_insert'`)
    .all() as { name: string; sql: string }[];
  if (!options.withTriggers) for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);

  const VOCABULARY = Array.from({ length: 20_000 }, () => Array.from({ length: 3 + int(5) }, () => pick(LETTERS)).join(""));
  const filler = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!;
  const fillers = (n: number) => Array.from({ length: n }, filler).join(" ");

  const rows: Record<string, number> = {};
  const count = (table: string, n = 1) => {
    rows[table] = (rows[table] ?? 0) + n;
  };
  const started = performance.now();

  // ------------------------------------------------------------------ actors, places, topics
  const insertActor = db.prepare(`INSERT INTO "Actor" (id, slug, kind, nameAr, nameEn, affiliationId, searchText) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertAlias = db.prepare(`INSERT INTO "ActorAlias" (actorId, text, lang) VALUES (?, ?, ?)`);
  const actors: ActorSpec[] = [];
  const persons: number[] = [];
  const orgs: number[] = [];
  db.transaction(() => {
    for (let id = 1; id <= shape.actors; id += 1) {
      const kind = id <= 20 ? pick(KINDS.slice(4)) : pick(KINDS);
      const person = kind === "PERSON";
      const f = int(FIRST.length);
      const nameAr = person ? `${FIRST[f]} ${pick(LAST)}` : `${pick(ORG_HEADS)} ${pick(ORG_TAILS)}`;
      const nameEn = person ? `${LATIN[f]} ${id}` : `Organisation ${id}`;
      const affiliation = id > 20 && orgs.length > 0 && random() < 0.6 ? pick(orgs) : null;
      const aliases = [`${nameAr} ${id}`, ...(random() < 0.5 ? [nameAr.replace("أ", "ا")] : [])];
      insertActor.run(id, `actor-${id}`, kind, nameAr, nameEn, affiliation, normalizeForSearch([nameAr, nameEn, ...aliases].join("\n")));
      count("Actor");
      for (const [index, alias] of aliases.entries()) {
        if (index > 0 && alias === nameAr) continue;
        insertAlias.run(id, alias, "ar");
        count("ActorAlias");
      }
      insertAlias.run(id, `${nameEn} (alias)`, "en");
      count("ActorAlias");
      actors.push({ id, name: nameAr });
      (person ? persons : orgs).push(id);
    }
    const insertPlace = db.prepare(`INSERT INTO "Place" (id, slug, nameAr, nameEn, lat, lon, countryId) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    for (let id = 1; id <= shape.places; id += 1) {
      insertPlace.run(id, `place-${id}`, `${pick(PLACES)} ${id}`, `Place ${id}`, 30 + random() * 10, 40 + random() * 10, pick(orgs));
      count("Place");
    }
    const insertTopic = db.prepare(`INSERT INTO "Topic" (id, slug, nameAr, nameEn, parentId, keywordsAr, searchText) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    let topicId = 0;
    for (const [r, root] of TOPIC_ROOTS.entries()) {
      const rootId = (topicId += 1);
      insertTopic.run(rootId, `topic-${r}`, root, `Topic ${r}`, null, JSON.stringify([root]), normalizeForSearch(root));
      count("Topic");
      for (const [l, leaf] of TOPIC_LEAVES.slice(0, shape.subtopicsPerRoot).entries()) {
        topicId += 1;
        insertTopic.run(topicId, `topic-${r}-${l}`, `${root}: ${leaf}`, `Topic ${r}.${l}`, rootId, JSON.stringify([leaf]), normalizeForSearch(`${root} ${leaf}`));
        count("Topic");
      }
    }
  })();
  const topicCount = rows.Topic!;
  const topicName = (id: number) => (id <= 0 ? "" : id % (shape.subtopicsPerRoot + 1) === 1 ? TOPIC_ROOTS[Math.floor((id - 1) / (shape.subtopicsPerRoot + 1))]! : TOPIC_LEAVES[((id - 1) % (shape.subtopicsPerRoot + 1)) - 1]!);
  const popular = () => (random() < 0.5 ? actors[int(Math.min(60, actors.length))]! : pick(actors));

  // ------------------------------------------------------------------ articles and meetings
  const insertArticle = db.prepare(`INSERT INTO "Article" (id, slug, publisherId, publisherBasis, headline, body, language, url, contentHash,
    datePrecision, dateEarliest, dateLatest, dateDerivation, dateSort, searchHeadline, searchBody)
    VALUES (?, ?, ?, 'byline', ?, ?, 'ar', ?, ?, 'DAY', ?, ?, 'STATED', ?, ?, ?)`);
  const insertEvidence = db.prepare(`INSERT INTO "Evidence" (id, articleId, field, start, "end", quote) VALUES (?, ?, 'BODY', ?, ?, ?)`);
  const insertMention = db.prepare(`INSERT INTO "Mention" (articleId, actorId, field, start, "end", surface) VALUES (?, ?, 'BODY', ?, ?, ?)`);
  const insertMeeting = db.prepare(`INSERT INTO "Meeting" (id, slug, kind, placeId, placeEvidenceId, summaryEn, summaryAr, datePrecision, dateEarliest, dateLatest,
    dateDerivation, dateSort, searchSummaryAr, searchSummaryEn) VALUES (?, ?, ?, ?, ?, ?, ?, 'DAY', ?, ?, 'STATED', ?, ?, ?)`);
  const insertParticipant = db.prepare(`INSERT INTO "Participant" (meetingId, actorId, role, representingId, evidenceId) VALUES (?, ?, ?, NULL, ?)`);
  const insertMeetingTopic = db.prepare(`INSERT INTO "MeetingTopic" (meetingId, topicId, evidenceId) VALUES (?, ?, ?)`);
  const insertSource = db.prepare(`INSERT INTO "MeetingSource" (meetingId, evidenceId) VALUES (?, ?)`);
  const insertArticleTopic = db.prepare(`INSERT INTO "ArticleTopic" (articleId, topicId, evidenceId) VALUES (?, ?, ?)`);
  const insertPosition = db.prepare(`INSERT INTO "Position" (actorId, titleAr, titleEn, organisationId, startDate, endDate, evidenceId) VALUES (?, ?, ?, ?, ?, ?, ?)`);

  let evidenceId = 0;
  let meetingId = 0;
  const BATCH = 5_000;
  const positioned = new Set<number>();
  for (let from = 1; from <= N; from += BATCH) {
    db.transaction(() => {
      for (let id = from; id < Math.min(from + BATCH, N + 1); id += 1) {
        const day = int(DAYS);
        const date = isoDay(day);
        // One meeting per two articles: article 2k-1 reports meeting k, article 2k reports it again
        // (a second source) or discusses topics in the background.
        const reports = id % 2 === 1 && meetingId < shape.meetings;
        const people = Array.from({ length: 2 + int(5) }, popular).filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
        const topics = Array.from({ length: 1 + int(3) }, () => 1 + int(topicCount)).filter((t, i, all) => all.indexOf(t) === i);
        const place = 1 + int(shape.places);
        const b = new TextBuilder();
        // The lead sentence names the participants: the meeting's evidence quote.
        b.beginSentence();
        b.add(`${pick(WHEN)} `).add(reports ? "استقبل " : "التقى ").actor(people[0]!).add(" في ").add(`${pick(PLACES)} `);
        for (const [i, p] of people.slice(1).entries()) {
          b.add(i === 0 ? "" : " و").actor(p);
        }
        b.add(` لبحث ${topicName(topics[0]!)}.`);
        b.endSentence();
        const target = 1000 + int(3000);
        while (b.text.length < target) {
          b.beginSentence();
          switch (int(7)) {
            case 0:
              b.add(`${pick(SAYS)} `).actor(popular()).add(` ${pick(WHEN)} أن التعاون في مجال ${topicName(pick(topics))} يشهد ${fillers(3)}.`);
              break;
            case 1:
              b.add("وبحث الجانبان سبل تعزيز التعاون بين العراق و").actor(pick(actors)).add(` في مجالات ${fillers(3)}.`);
              break;
            case 2:
              b.add(`ويأتي ذلك في إطار ${fillers(4)} التي تشهدها ${pick(PLACES)} منذ عام ${2003 + int(22)}.`);
              break;
            case 3:
              b.add("وأعرب ").actor(popular()).add(` عن تطلع بلاده إلى ${fillers(3)} مع `).actor(pick(actors)).add(".");
              break;
            case 4:
              b.add(`${fillers(6)} في ${pick(PLACES)} ${fillers(5)}.`);
              break;
            case 5:
              b.add(`و${pick(SAYS)} المتحدث أن ${topicName(pick(topics))} ${fillers(4)} خلال ${pick(WHEN)}.`);
              break;
            default:
              b.add(`${fillers(8)}، ${fillers(4)}.`);
          }
          b.endSentence();
        }
        const headline = `${people[0]!.name} يبحث مع ${people[1]?.name ?? pick(actors).name} ${topicName(topics[0]!)} في ${pick(PLACES)}`;
        const body = b.text;
        insertArticle.run(id, `article-${id}`, orgs.length ? pick(orgs) : null, headline, body, `https://example.org/news/${id}`,
          createHash("sha256").update(`${id}\n${body}`).digest("hex"), date, date, date, normalizeForSearch(headline), normalizeForSearch(body));
        count("Article");
        for (const m of b.mentions) insertMention.run(id, m.actorId, m.start, m.end, m.surface);
        count("Mention", b.mentions.length);
        // Evidence: the lead sentence, and one more sentence for topics.
        const lead = b.sentences[0]!;
        const leadId = (evidenceId += 1);
        insertEvidence.run(leadId, id, lead.start, lead.end, body.slice(lead.start, lead.end));
        const other = b.sentences[1 + int(b.sentences.length - 1)] ?? lead;
        let topicEvidence = leadId;
        if (other !== lead) {
          topicEvidence = evidenceId += 1;
          insertEvidence.run(topicEvidence, id, other.start, other.end, body.slice(other.start, other.end));
        }
        count("Evidence", topicEvidence === leadId ? 1 : 2);
        if (reports) {
          const mid = (meetingId += 1);
          const summaryAr = body.slice(lead.start, lead.end);
          const summaryEn = `Meeting ${mid} on topic ${topics[0]}`;
          insertMeeting.run(mid, `${date}-meeting-${mid}`, pick(MEETING_KINDS), place, leadId, summaryEn, summaryAr, date, date, date,
            normalizeForSearch(summaryAr), normalizeForSearch(summaryEn));
          insertSource.run(mid, leadId);
          for (const [i, p] of people.entries()) insertParticipant.run(mid, p.id, i === 0 ? "HOST" : pick(ROLES.slice(1)), leadId);
          for (const t of topics) insertMeetingTopic.run(mid, t, topicEvidence);
          count("Meeting");
          count("MeetingSource");
          count("Participant", people.length);
          count("MeetingTopic", topics.length);
        } else {
          if (meetingId > 0 && random() < 0.5) {
            insertSource.run(meetingId, leadId);
            count("MeetingSource");
          }
          for (const t of topics) insertArticleTopic.run(id, t, topicEvidence);
          count("ArticleTopic", topics.length);
        }
        // Positions: a person first named as host gets a term, evidenced by this lead sentence.
        const host = people[0]!;
        if (!positioned.has(host.id) && persons.includes(host.id)) {
          positioned.add(host.id);
          insertPosition.run(host.id, "وزير", "Minister", orgs.length ? pick(orgs) : null, date, random() < 0.5 ? isoDay(Math.min(DAYS, day + 700)) : null, leadId);
          count("Position");
        }
      }
    })();
    progress("articles", Math.min(from + BATCH - 1, N), N);
  }
  const inserted = performance.now();

  // ------------------------------------------------------------------ the full-text index
  if (!options.withTriggers) {
    progress("index", 0, 1);
    db.transaction(() => {
      db.exec(`INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 1, searchText, '' FROM "Actor"`);
      db.exec(`INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 2, searchHeadline, searchBody FROM "Article"`);
      db.exec(`INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 3, '', searchSummaryAr || char(10) || searchSummaryEn FROM "Meeting"`);
      db.exec(`INSERT INTO "SearchIndex" (rowid, title, body) SELECT id * 8 + 4, searchText, '' FROM "Topic"`);
      for (const trigger of triggers) db.exec(trigger.sql);
    })();
    progress("index", 1, 1);
  }
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
  const finished = performance.now();
  const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
  const seconds = (ms: number) => +(ms / 1000).toFixed(2);
  return {
    file,
    articles: N,
    rows,
    totalRows,
    seconds: { insert: seconds(inserted - started), index: seconds(finished - inserted), total: seconds(finished - started) },
    rowsPerSecond: Math.round(totalRows / ((finished - started) / 1000)),
    withTriggers: options.withTriggers ?? false,
    megabytes: +(statSync(file).size / 1e6).toFixed(1),
  };
}
