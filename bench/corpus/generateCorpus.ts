import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from "node:worker_threads";
import type { Statement } from "better-sqlite3";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { normalizeForSearch } from "../../src/text/index.js";
import { seededRandom } from "../../src/util/seededRandom.js";

// A deterministic synthetic cooperation record (same --articles, same bytes of data), written
// straight into a migrated SQLite file with plain better-sqlite3 inserts in large transactions.
// The rows come from one generator (corpusRows) that either runs in this thread or, with
// `worker: true`, in a worker thread that hands over batches while this thread writes the previous
// ones: the same rows in the same order either way, on two cores instead of one.
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
  /** Generate the rows in a worker thread while this thread writes them (same rows, two cores). */
  worker?: boolean;
  progress?: (phase: string, done: number, total: number) => void;
}

export interface CorpusStats {
  file: string;
  articles: number;
  rows: Record<string, number>;
  totalRows: number;
  /**
   * Per phase: `insert` the rows and the full-text index (of which `rowsWait` waiting for the rows
   * to be generated and `index` filling the index), `optimize` merging the index into one segment,
   * `finish` re-creating the triggers, switching back to WAL and closing.
   */
  seconds: { insert: number; rowsWait: number; index: number; optimize: number; finish: number; total: number };
  rowsPerSecond: number;
  withTriggers: boolean;
  worker: boolean;
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

/** The statements that write the record, in the order each batch is written (referenced rows first). */
const INSERTS = {
  Actor: `INSERT INTO "Actor" (id, slug, kind, nameAr, nameEn, affiliationId, searchText) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ActorAlias: `INSERT INTO "ActorAlias" (actorId, text, lang) VALUES (?, ?, ?)`,
  Place: `INSERT INTO "Place" (id, slug, nameAr, nameEn, lat, lon, countryId) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  Topic: `INSERT INTO "Topic" (id, slug, nameAr, nameEn, parentId, keywordsAr, searchText) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  Article: `INSERT INTO "Article" (id, slug, publisherId, publisherBasis, headline, body, language, url, contentHash,
    datePrecision, dateEarliest, dateLatest, dateDerivation, dateSort, searchHeadline, searchBody)
    VALUES (?, ?, ?, 'byline', ?, ?, 'ar', ?, ?, 'DAY', ?, ?, 'STATED', ?, ?, ?)`,
  Mention: `INSERT INTO "Mention" (articleId, actorId, field, start, "end", surface) VALUES (?, ?, 'BODY', ?, ?, ?)`,
  Evidence: `INSERT INTO "Evidence" (id, articleId, field, start, "end", quote) VALUES (?, ?, 'BODY', ?, ?, ?)`,
  Meeting: `INSERT INTO "Meeting" (id, slug, kind, placeId, placeEvidenceId, summaryEn, summaryAr, datePrecision, dateEarliest, dateLatest,
    dateDerivation, dateSort, searchSummaryAr, searchSummaryEn) VALUES (?, ?, ?, ?, ?, ?, ?, 'DAY', ?, ?, 'STATED', ?, ?, ?)`,
  MeetingSource: `INSERT INTO "MeetingSource" (meetingId, evidenceId) VALUES (?, ?)`,
  // dateSort is the meeting's, as the *_dateSort_insert triggers would set it (they are off meanwhile).
  Participant: `INSERT INTO "Participant" (meetingId, actorId, role, representingId, evidenceId, dateSort) VALUES (?, ?, ?, NULL, ?, ?)`,
  MeetingTopic: `INSERT INTO "MeetingTopic" (meetingId, topicId, evidenceId, dateSort) VALUES (?, ?, ?, ?)`,
  ArticleTopic: `INSERT INTO "ArticleTopic" (articleId, topicId, evidenceId) VALUES (?, ?, ?)`,
  Position: `INSERT INTO "Position" (actorId, titleAr, titleEn, organisationId, startDate, endDate, evidenceId) VALUES (?, ?, ?, ?, ?, ?, ?)`,
} as const;
type Table = keyof typeof INSERTS;
const TABLES = Object.keys(INSERTS) as Table[];

/**
 * Rows for several tables: per table, the parameters of its rows one after the other (flat arrays
 * cross a thread boundary much faster than one array per row). Within a table the rows keep the
 * order they were generated in, so AUTOINCREMENT ids are the same whichever way they are written.
 */
interface RowBatch {
  /** Articles generated so far (0 for the actors, places and topics that come first). */
  articles: number;
  rows: Partial<Record<Table, unknown[]>>;
}

/** What the full-text index holds per table (as the migration's SearchIndex_*_insert triggers write it). */
const SEARCH_INDEX_ROWS: Partial<Record<Table, string>> = {
  Actor: `id * 8 + 1, searchText, ''`,
  Article: `id * 8 + 2, searchHeadline, searchBody`,
  Meeting: `id * 8 + 3, '', searchSummaryAr || char(10) || searchSummaryEn`,
  Topic: `id * 8 + 4, searchText, ''`,
};

/** Articles per batch, and per write transaction. */
const BATCH = 5_000;

/**
 * Every row of the corpus, in batches. All randomness comes from one seeded generator consumed in
 * a fixed order, so the same `articles` and `seed` give the same rows wherever this runs.
 */
function* corpusRows(N: number, seed: number): Generator<RowBatch> {
  const shape = corpusShape(N);
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;

  const VOCABULARY = Array.from({ length: 20_000 }, () => Array.from({ length: 3 + int(5) }, () => pick(LETTERS)).join(""));
  const filler = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!;
  const fillers = (n: number) => Array.from({ length: n }, filler).join(" ");

  // normalizeForSearch folds cluster by cluster and a space is a cluster of its own and never part
  // of a word, so the key of a text is the keys of its space-separated chunks joined by single
  // spaces (empty keys left out). The bodies reuse a bounded set of chunks (vocabulary, names,
  // template words: ~50,000 at 10k articles), so each is normalised once: about twice as fast as
  // normalising each body. Every 1,000th article is checked against normalizeForSearch itself.
  const chunkKeys = new Map<string, string>();
  const searchKey = (text: string) => {
    let key = "";
    for (const chunk of text.split(" ")) {
      let chunkKey = chunkKeys.get(chunk);
      if (chunkKey === undefined) chunkKeys.set(chunk, (chunkKey = normalizeForSearch(chunk)));
      if (chunkKey !== "") key = key === "" ? chunkKey : `${key} ${chunkKey}`;
    }
    return key;
  };

  let rows: Partial<Record<Table, unknown[]>> = {};
  const put = (table: Table, ...values: unknown[]) => {
    (rows[table] ??= []).push(...values);
  };

  // ------------------------------------------------------------------ actors, places, topics
  const actors: ActorSpec[] = [];
  const persons = new Set<number>();
  const orgs: number[] = [];
  for (let id = 1; id <= shape.actors; id += 1) {
    const kind = id <= 20 ? pick(KINDS.slice(4)) : pick(KINDS);
    const person = kind === "PERSON";
    const f = int(FIRST.length);
    const nameAr = person ? `${FIRST[f]} ${pick(LAST)}` : `${pick(ORG_HEADS)} ${pick(ORG_TAILS)}`;
    const nameEn = person ? `${LATIN[f]} ${id}` : `Organisation ${id}`;
    const affiliation = id > 20 && orgs.length > 0 && random() < 0.6 ? pick(orgs) : null;
    const aliases = [`${nameAr} ${id}`, ...(random() < 0.5 ? [nameAr.replace("أ", "ا")] : [])];
    put("Actor", id, `actor-${id}`, kind, nameAr, nameEn, affiliation, normalizeForSearch([nameAr, nameEn, ...aliases].join("\n")));
    for (const [index, alias] of aliases.entries()) {
      if (index > 0 && alias === nameAr) continue;
      put("ActorAlias", id, alias, "ar");
    }
    put("ActorAlias", id, `${nameEn} (alias)`, "en");
    actors.push({ id, name: nameAr });
    if (person) persons.add(id);
    else orgs.push(id);
  }
  for (let id = 1; id <= shape.places; id += 1) {
    put("Place", id, `place-${id}`, `${pick(PLACES)} ${id}`, `Place ${id}`, 30 + random() * 10, 40 + random() * 10, pick(orgs));
  }
  let topicCount = 0;
  for (const [r, root] of TOPIC_ROOTS.entries()) {
    const rootId = (topicCount += 1);
    put("Topic", rootId, `topic-${r}`, root, `Topic ${r}`, null, JSON.stringify([root]), normalizeForSearch(root));
    for (const [l, leaf] of TOPIC_LEAVES.slice(0, shape.subtopicsPerRoot).entries()) {
      topicCount += 1;
      put("Topic", topicCount, `topic-${r}-${l}`, `${root}: ${leaf}`, `Topic ${r}.${l}`, rootId, JSON.stringify([leaf]), normalizeForSearch(`${root} ${leaf}`));
    }
  }
  yield { articles: 0, rows };
  rows = {};
  const topicName = (id: number) => (id <= 0 ? "" : id % (shape.subtopicsPerRoot + 1) === 1 ? TOPIC_ROOTS[Math.floor((id - 1) / (shape.subtopicsPerRoot + 1))]! : TOPIC_LEAVES[((id - 1) % (shape.subtopicsPerRoot + 1)) - 1]!);
  const popular = () => (random() < 0.5 ? actors[int(Math.min(60, actors.length))]! : pick(actors));

  // ------------------------------------------------------------------ articles and meetings
  let evidenceId = 0;
  let meetingId = 0;
  const positioned = new Set<number>();
  for (let from = 1; from <= N; from += BATCH) {
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
      const searchBody = searchKey(body);
      if (id % 1000 === 1 && searchBody !== normalizeForSearch(body)) throw new Error(`searchKey and normalizeForSearch disagree on article ${id}`);
      put("Article", id, `article-${id}`, orgs.length ? pick(orgs) : null, headline, body, `https://example.org/news/${id}`,
        createHash("sha256").update(`${id}\n${body}`).digest("hex"), date, date, date, normalizeForSearch(headline), searchBody);
      for (const m of b.mentions) put("Mention", id, m.actorId, m.start, m.end, m.surface);
      // Evidence: the lead sentence, and one more sentence for topics.
      const lead = b.sentences[0]!;
      const leadId = (evidenceId += 1);
      put("Evidence", leadId, id, lead.start, lead.end, body.slice(lead.start, lead.end));
      const other = b.sentences[1 + int(b.sentences.length - 1)] ?? lead;
      let topicEvidence = leadId;
      if (other !== lead) {
        topicEvidence = evidenceId += 1;
        put("Evidence", topicEvidence, id, other.start, other.end, body.slice(other.start, other.end));
      }
      if (reports) {
        const mid = (meetingId += 1);
        const summaryAr = body.slice(lead.start, lead.end);
        const summaryEn = `Meeting ${mid} on topic ${topics[0]}`;
        put("Meeting", mid, `${date}-meeting-${mid}`, pick(MEETING_KINDS), place, leadId, summaryEn, summaryAr, date, date, date,
          searchKey(summaryAr), normalizeForSearch(summaryEn));
        put("MeetingSource", mid, leadId);
        for (const [i, p] of people.entries()) put("Participant", mid, p.id, i === 0 ? "HOST" : pick(ROLES.slice(1)), leadId, date);
        for (const t of topics) put("MeetingTopic", mid, t, topicEvidence, date);
      } else {
        if (meetingId > 0 && random() < 0.5) put("MeetingSource", meetingId, leadId);
        for (const t of topics) put("ArticleTopic", id, t, topicEvidence);
      }
      // Positions: a person first named as host gets a term, evidenced by this lead sentence.
      const host = people[0]!;
      if (!positioned.has(host.id) && persons.has(host.id)) {
        positioned.add(host.id);
        put("Position", host.id, "وزير", "Minister", orgs.length ? pick(orgs) : null, date, random() < 0.5 ? isoDay(Math.min(DAYS, day + 700)) : null, leadId);
      }
    }
    yield { articles: Math.min(from + BATCH - 1, N), rows };
    rows = {};
  }
}

// ------------------------------------------------------------------ the row worker
// generateCorpus stays synchronous (tests call it as a plain function), so the writer does not
// await messages: it blocks on a shared counter (Atomics.wait) and takes each batch with
// receiveMessageOnPort. The worker stays at most WORKER_AHEAD batches ahead (~50 MB each).

const WORKER_KEY = "taawun:corpusRows";
const WORKER_AHEAD = 2;
/** How long the writer waits for one batch before it gives up on the worker. */
const WORKER_TIMEOUT_MS = 300_000;

interface WorkerInput {
  articles: number;
  seed: number;
  port: MessagePort;
  /** Int32 [0]: messages the worker has posted, [1]: messages the writer has taken. */
  counters: SharedArrayBuffer;
}
type WorkerMessage = { batch: RowBatch } | { done: true } | { error: string };

/** Worker side: generates the batches and posts them, never more than WORKER_AHEAD ahead. */
function produceRows({ articles, seed, port, counters }: WorkerInput): void {
  const count = new Int32Array(counters);
  const post = (message: WorkerMessage) => {
    for (let taken = Atomics.load(count, 1); Atomics.load(count, 0) - taken >= WORKER_AHEAD; taken = Atomics.load(count, 1)) {
      Atomics.wait(count, 1, taken, 1_000);
    }
    port.postMessage(message);
    Atomics.add(count, 0, 1);
    Atomics.notify(count, 0);
  };
  try {
    for (const batch of corpusRows(articles, seed)) post({ batch });
    post({ done: true });
  } catch (error) {
    post({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  port.close();
}

/** Where tsx's ESM API is, for the worker (import.meta.resolve is missing when tsx runs this as CommonJS). */
function tsxApiUrl(from: string): string {
  if (typeof import.meta.resolve === "function") return import.meta.resolve("tsx/esm/api");
  const manifest = createRequire(from).resolve("tsx/package.json");
  const exports = (JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports;
  return pathToFileURL(resolve(dirname(manifest), exports["./esm/api"]!.import.default)).href;
}

/** Writer side: the same batches as corpusRows(articles, seed), generated by a worker thread. */
function* rowsFromWorker(articles: number, seed: number): Generator<RowBatch> {
  const counters = new SharedArrayBuffer(8);
  const count = new Int32Array(counters);
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = { articles, seed, port: port2, counters };
  // The worker loads this very module. Under tsx (Node 20), worker threads do not inherit its
  // loader, so the worker registers it first; a failure to load is reported like any other.
  const self = import.meta.url;
  const tsx = self.endsWith(".ts") ? tsxApiUrl(self) : null;
  const bootstrap = `
    const { workerData } = require("node:worker_threads");
    const input = workerData[${JSON.stringify(WORKER_KEY)}];
    const load = ${tsx ? `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(self)}); })` : `import(${JSON.stringify(self)})`};
    load.catch((error) => {
      input.port.postMessage({ error: String((error && error.stack) || error) });
      const count = new Int32Array(input.counters);
      Atomics.add(count, 0, 1);
      Atomics.notify(count, 0);
    });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { [WORKER_KEY]: input }, transferList: [port2] });
  worker.unref();
  try {
    for (let taken = 0; ; ) {
      const waiting = performance.now();
      while (Atomics.load(count, 0) === taken) {
        Atomics.wait(count, 0, taken, 1_000);
        if (performance.now() - waiting > WORKER_TIMEOUT_MS) throw new Error(`the corpus worker sent nothing for ${WORKER_TIMEOUT_MS / 1000} s`);
      }
      const message = receiveMessageOnPort(port1)?.message as WorkerMessage | undefined;
      taken += 1;
      Atomics.store(count, 1, taken);
      Atomics.notify(count, 1);
      if (!message) throw new Error("the corpus worker counted a message that did not arrive");
      if ("error" in message) throw new Error(`the corpus worker failed: ${message.error}`);
      if ("done" in message) return;
      yield message.batch;
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

// ------------------------------------------------------------------ the writer

/** FTS5 work per 'merge' call while merging the index into one segment (pages written, roughly). */
const MERGE_PAGES = 2_000;

/** Generates the corpus into `file` (replaced if it exists). */
export function generateCorpus(options: CorpusOptions): CorpusStats {
  const { articles: N, file } = options;
  const seed = options.seed ?? 20261123;
  const progress = options.progress ?? (() => {});

  mkdirSync(dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  const db = openDatabase(file);
  migrate(db);
  // Bulk-build settings for this connection only; the file goes back to WAL before it is closed.
  // No rollback journal and no fsync: a build that fails half-way is deleted and rerun anyway.
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.pragma("locking_mode = EXCLUSIVE");
  db.pragma("cache_size = -2097152");
  db.pragma("temp_store = MEMORY");

  // Triggers off during the inserts, re-created as they were at the end: the ones that fill the
  // full-text index (filled in bulk instead, unless withTriggers) and the ones that copy a
  // meeting's dateSort into its participants and topics (the inserts write it themselves).
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (name IN ('Participant_dateSort_insert', 'MeetingTopic_dateSort_insert')
       OR (name LIKE 'SearchIndex_%_insert' AND ?))`,
    )
    .all(options.withTriggers ? 0 : 1) as { name: string; sql: string }[];
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`);

  const rows = Object.fromEntries(TABLES.map((table) => [table, 0])) as Record<string, number>;
  const statements = TABLES.map((table) => ({ table, statement: db.prepare(INSERTS[table]), width: INSERTS[table].split("?").length - 1 }));
  // The full-text index is filled batch by batch, in the batch's transaction, with FTS5's automatic
  // merging off (automerge=0): each flushed segment is written once instead of the growing index
  // being re-merged over and over (crisismerge still bounds the number of segments), and all of
  // them are merged into one at the end. Filled here rather than after all the rows, it keeps this
  // thread busy while the worker generates the next batch.
  const command = (name: string, value?: number) =>
    db.exec(value === undefined ? `INSERT INTO "SearchIndex"("SearchIndex") VALUES('${name}')` : `INSERT INTO "SearchIndex"("SearchIndex", rank) VALUES('${name}', ${value})`);
  const fillIndex = options.withTriggers
    ? []
    : Object.entries(SEARCH_INDEX_ROWS).map(([table, columns]) => ({
        table: table as Table,
        width: statements.find((s) => s.table === table)!.width,
        fill: db.prepare(`INSERT INTO "SearchIndex" (rowid, title, body) SELECT ${columns} FROM "${table}" WHERE id BETWEEN ? AND ?`),
      }));
  if (!options.withTriggers) command("automerge", 0);
  let indexing = 0;
  const write = db.transaction((batch: RowBatch) => {
    for (const { table, statement, width } of statements) {
      const values = batch.rows[table];
      if (!values) continue;
      for (let i = 0; i < values.length; i += width) statement.run(values.slice(i, i + width));
      rows[table]! += values.length / width;
    }
    const started = performance.now();
    for (const { table, width, fill } of fillIndex) {
      const values = batch.rows[table];
      // The first parameter of these tables' rows is their id, increasing within a batch.
      if (values) fill.run(values[0], values[values.length - width]);
    }
    indexing += performance.now() - started;
  });
  const started = performance.now();

  // ------------------------------------------------------------------ rows and full-text index
  let waited = 0;
  progress("articles", 0, N);
  const source = options.worker ? rowsFromWorker(N, seed) : corpusRows(N, seed);
  for (;;) {
    const asked = performance.now();
    const next = source.next();
    waited += performance.now() - asked;
    if (next.done) break;
    write(next.value);
    if (next.value.articles > 0) progress("articles", next.value.articles, N);
  }
  const inserted = performance.now();

  // ------------------------------------------------------------------ one segment
  // 'merge' with a negative budget, repeated until it does nothing, leaves the same single segment
  // as 'optimize' and lets the progress line move. automerge goes back to its default (4) for the
  // API's writes.
  let optimized = inserted;
  if (!options.withTriggers) {
    const pages = db.prepare(`SELECT count(*) FROM "SearchIndex_data"`).pluck().get() as number;
    const changes = db.prepare(`SELECT total_changes()`).pluck();
    progress("optimize", 0, pages);
    db.transaction(() => {
      // A 'merge' that did no work changes fewer than 2 rows (FTS5 documentation).
      for (let written = 0; ; ) {
        const before = changes.get() as number;
        command("merge", -MERGE_PAGES);
        if ((changes.get() as number) - before < 2) break;
        written += MERGE_PAGES;
        progress("optimize", Math.min(written, pages - 1), pages);
      }
      command("automerge", 4);
    })();
    progress("optimize", pages, pages);
    optimized = performance.now();
  }

  // ------------------------------------------------------------------ back to what the API expects
  db.transaction(() => triggers.forEach((trigger) => db.exec(trigger.sql)))();
  db.pragma("locking_mode = NORMAL");
  db.pragma("journal_mode = WAL");
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
    seconds: {
      insert: seconds(inserted - started),
      rowsWait: seconds(waited),
      index: seconds(indexing),
      optimize: seconds(optimized - inserted),
      finish: seconds(finished - optimized),
      total: seconds(finished - started),
    },
    rowsPerSecond: Math.round(totalRows / ((finished - started) / 1000)),
    withTriggers: options.withTriggers ?? false,
    worker: options.worker ?? false,
    megabytes: +(statSync(file).size / 1e6).toFixed(1),
  };
}

// In the row worker (and only there), this module produces rows as soon as it is loaded.
const workerInput = (workerData as Record<string, WorkerInput> | null | undefined)?.[WORKER_KEY];
if (workerInput) produceRows(workerInput);
