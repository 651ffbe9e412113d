import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { createContext } from "../src/context/createContext.js";
import { migrate } from "../src/db/migrate.js";
import { openDatabase } from "../src/db/openDatabase.js";
import { Sql } from "../src/db/Sql.js";
import { searchPage } from "../src/search/searchPage.js";
import { createApolloServer } from "../src/server/createApolloServer.js";
import { silentLogger } from "../src/server/logger.js";
import { normalizeForSearch } from "../src/text/index.js";
import { seededRandom } from "../src/util/seededRandom.js";

// Full-text search on a synthetic corpus of Arabic news articles, three ways in one run:
//   fts  — the shipped search (src/search/searchPage.ts): FTS5 MATCH, BM25-ranked page of 20
//          plus totalCount, over the real migrated schema whose triggers filled the index;
//   api  — the same through Apollo's executeOperation, with a snippet per hit (what a client waits for);
//   like — the plain alternative: `LIKE '%term%'` over the same normalised columns (so it finds
//          the same spelling variants), first 20 by id plus COUNT(*), i.e. the same page + count.
// The corpus is generated deterministically (seeded PRNG) into a temporary SQLite file.
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PAGE = 20;

const random = seededRandom(20261123);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Names and terms appear under the spellings real outlets use (hamza or not, ى or ي), sometimes
// vocalised or stretched with tatweel, so the index sees the variety the normaliser exists for.
// Weights make some names rare (Iannucci, Loiseau) and some words near-universal (العراق).
const PEOPLE: [string[], number][] = [
  [["قاسم الأعرجي", "قاسم الاعرجي", "قاسم الأعرجى", "قَاسِم الأَعْرَجِيّ"], 6],
  [["فؤاد حسين"], 8],
  [["محمد شياع السوداني"], 10],
  [["عبد الأمير الشمري"], 8],
  [["مصطفى الكاظمي", "مصطفي الكاظمي"], 6],
  [["حسين علاوي"], 4],
];
/** Names of a few articles in a thousand, each with the sentence that names them. */
const RARE: [number, () => string][] = [
  [0.004, () => `واستقبل ${person()} قائد بعثة الناتو الفريق جيوفاني اينوتشي في ${pick(PLACES)}.`],
  [0.006, () => `والتقى ${person()} وفداً برئاسة ناتالي لويزو ${fillers(2)}.`],
  [0.006, () => `وبحث ${person()} مع الأدميرال ستيوارت مونش ${pick(TOPICS)}.`],
];
const ORGS = ["حلف الناتو", "الناتو", "حلف شمال الأطلسي", "الاتحاد الأوروبي", "الاتحاد الاوروبي", "الأمم المتحدة", "البرلمان الأوروبي", "التحالف الدولي"];
const PLACES = ["بغداد", "أربيل", "البصرة", "الموصل", "بروكسل", "لندن", "روما", "نابولي", "عمّان", "الكويت"];
const TOPICS = ["الأمن السيبراني", "الأمن السبراني", "مكافحة الإرهاب", "تهريب المخدرات", "أمن الحدود", "الجريمة المنظمة", "بناء القدرات", "التحول الرقمي", "حقوق الإنسان", "إصلاح القطاع الأمني"];
const SAYS = ["أكد", "قال", "أوضح", "أشار", "شدد", "أعلن"];
const WHEN = ["اليوم", "أمس", "الثلاثاء", "الأربعاء", "الخميس", "صباح اليوم"];
const LETTERS = [..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى"];

/** A long tail of pseudo-words (Zipf-like use), so the index has a realistic vocabulary size. */
const VOCABULARY = Array.from({ length: 30_000 }, () => Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(LETTERS)).join(""));
const filler = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 3)]!;
const fillers = (n: number) => Array.from({ length: n }, filler).join(" ");

const weighted = PEOPLE.flatMap(([forms, weight]) => Array.from({ length: weight }, () => forms));
const person = () => pick(pick(weighted));
const stretch = (word: string) => (random() < 0.03 && word.length > 3 ? `${word.slice(0, 2)}ـــ${word.slice(2)}` : word);

const SENTENCES: (() => string)[] = [
  () => `${pick(SAYS)} ${person()} ${pick(WHEN)} أن ${pick(ORGS)} يدعم جهود العراق في مجال ${pick(TOPICS)} و${fillers(2)}.`,
  () => `واستقبل ${person()} في ${pick(PLACES)} ${person()} لبحث ${pick(TOPICS)} و${pick(TOPICS)}.`,
  () => `وبحث الجانبان سبل تعزيز التعاون بين العراق و${pick(ORGS)} في مجالات ${fillers(3)}.`,
  () => `و${pick(SAYS)} ${person()} على أهمية ${pick(TOPICS)} ${fillers(4)} ب${pick(PLACES)}.`,
  () => `ويأتي ذلك في إطار ${fillers(3)} التي تشهدها ${pick(PLACES)} منذ عام ${2003 + Math.floor(random() * 22)}.`,
  () => `${fillers(5)} ${stretch(pick(ORGS))} ${fillers(4)}.`,
  () => `وأعرب ${person()} عن تطلع بلاده إلى ${fillers(3)} مع ${pick(ORGS)}.`,
];

function article(i: number): { headline: string; body: string } {
  const headline = `${person()} يبحث مع ${pick(ORGS)} ${pick(TOPICS)} في ${pick(PLACES)}`;
  const sentences = Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(SENTENCES)());
  for (const [chance, sentence] of RARE) if (random() < chance) sentences.splice(1, 0, sentence());
  return { headline: i % 7 === 0 ? stretch(headline) : headline, body: sentences.join(" ") };
}

// ---------------------------------------------------------------------------------- the corpus
const dir = mkdtempSync(join(tmpdir(), "taawun-search-bench-"));
const file = join(dir, "bench.db");
const db = openDatabase(file);
migrate(db);
const started = performance.now();
const insert = db.prepare(`INSERT INTO "Article" (slug, headline, body, language, contentHash, datePrecision, dateDerivation, dateSort, searchHeadline, searchBody)
  VALUES (?, ?, ?, 'ar', ?, 'DAY', 'STATED', ?, ?, ?)`);
let chars = 0;
db.transaction(() => {
  for (let i = 0; i < ARTICLES; i++) {
    const { headline, body } = article(i);
    chars += headline.length + body.length;
    // The shadow columns the Prisma client would write (src/search/withSearchColumns.ts); the
    // migration's trigger indexes them, exactly as for a real write.
    const day = `20${String(10 + (i % 15)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    insert.run(`bench-${i}`, headline, body, `bench-${i}`, day, normalizeForSearch(headline), normalizeForSearch(body));
    if ((i + 1) % 10_000 === 0 || i + 1 === ARTICLES) {
      process.stderr.write(`\rcorpus    ${String(i + 1).padStart(String(ARTICLES).length)}/${ARTICLES} articles, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  }
})();
process.stderr.write("\n");
const generateSeconds = +((performance.now() - started) / 1000).toFixed(1);
db.pragma("wal_checkpoint(TRUNCATE)");
const dbMegabytes = +(statSync(file).size / 1e6).toFixed(1);

// ------------------------------------------------------------------------------------ queries
/**
 * Each query in the search syntax, and its LIKE equivalent over the normalised columns: `%needle%`
 * per term (needles normalised as the index is), combined as the query combines its terms.
 */
const QUERIES: { name: string; query: string; like: string[][]; not?: string[] }[] = [
  { name: "rare name", query: "اينوتشي", like: [["اينوتشي"]] },
  { name: "common word", query: "العراق", like: [["عراق"]] },
  { name: "ى variant", query: "الأعرجى", like: [["اعرجي"]] },
  { name: "vocalised, 2 words", query: "قَاسِمٌ الأَعْرَجِيُّ", like: [["قاسم", "اعرجي"]] },
  { name: "tatweel", query: "النـــاتو", like: [["ناتو"]] },
  { name: "phrase", query: '"الأمن السيبراني"', like: [["امن سيبراني"]] },
  { name: "prefix", query: "الأعر*", like: [["اعر"]] },
  { name: "OR", query: "لويزو OR مونش", like: [["لويزو"], ["مونش"]] },
  { name: "NOT", query: "الناتو -بروكسل", like: [["ناتو"]], not: ["بروكسل"] },
  { name: "3 words", query: "تعزيز التعاون الكويت", like: [["تعزيز", "تعاون", "كويت"]] },
];

function likeSql(q: (typeof QUERIES)[number]): { where: string; params: string[] } {
  const params: string[] = [];
  const has = (needle: string) => {
    params.push(`%${needle}%`, `%${needle}%`);
    return `(searchHeadline LIKE ? OR searchBody LIKE ?)`;
  };
  const any = q.like.map((all) => `(${all.map(has).join(" AND ")})`).join(" OR ");
  const none = (q.not ?? []).map((needle) => `NOT ${has(needle)}`);
  return { where: [`(${any})`, ...none].join(" AND "), params };
}

const sql = new Sql(db);
const server = createApolloServer({ logger: silentLogger });
await server.start();
const API = `query ($q: String!) { search(query: $q, types: [ARTICLE], first: ${PAGE}) { totalCount edges { score snippet { text highlights { start end } } node { ... on Article { slug } } } } }`;

const methods = {
  fts: async (q: (typeof QUERIES)[number]) => {
    const page = await searchPage(sql, { query: q.query, types: ["ARTICLE"], first: PAGE });
    return page.totalCount();
  },
  api: async (q: (typeof QUERIES)[number]) => {
    const response = await server.executeOperation({ query: API, variables: { q: q.query } }, { contextValue: createContext(sql) });
    const result = (response.body as { singleResult: { data?: { search: { totalCount: number } }; errors?: unknown } }).singleResult;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data!.search.totalCount;
  },
  like: async (q: (typeof QUERIES)[number]) => {
    const { where, params } = likeSql(q);
    await sql.all(`SELECT id FROM "Article" WHERE ${where} ORDER BY id LIMIT ${PAGE}`, params);
    return (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "Article" WHERE ${where}`, params))!.n;
  },
};
type Method = keyof typeof methods;

const samples = new Map<string, number[]>();
const totals = new Map<string, number>();
const measureStarted = performance.now();
for (let run = 0; run <= RUNS; run++) {
  for (const q of QUERIES) {
    for (const method of Object.keys(methods) as Method[]) {
      const t = performance.now();
      const total = await methods[method](q);
      const ms = performance.now() - t;
      totals.set(`${method}|${q.name}`, total);
      // Run 0 warms the page cache and the prepared statements; it is not counted.
      if (run > 0) samples.set(`${method}|${q.name}`, [...(samples.get(`${method}|${q.name}`) ?? []), ms]);
    }
  }
  process.stderr.write(`\rmeasuring run ${run}/${RUNS}, ${((performance.now() - measureStarted) / 1000).toFixed(0)} s`);
}
process.stderr.write("\n");

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
const round = (ms: number) => +ms.toFixed(ms < 10 ? 2 : 1);
const stats = (key: string) => ({ p50: round(quantile(samples.get(key)!, 0.5)), p95: round(quantile(samples.get(key)!, 0.95)) });

const rows = QUERIES.map((q) => {
  const [fts, api, like] = (["fts", "api", "like"] as const).map((m) => stats(`${m}|${q.name}`)) as [ReturnType<typeof stats>, ReturnType<typeof stats>, ReturnType<typeof stats>];
  return {
    query: q.name,
    text: q.query,
    ftsHits: totals.get(`fts|${q.name}`)!,
    likeHits: totals.get(`like|${q.name}`)!,
    ftsP50: fts.p50,
    ftsP95: fts.p95,
    apiP50: api.p50,
    apiP95: api.p95,
    likeP50: like.p50,
    likeP95: like.p95,
    likeOverFts: +(like.p50 / fts.p50).toFixed(1),
  };
});
const all = (method: Method) => QUERIES.flatMap((q) => samples.get(`${method}|${q.name}`)!);
const overall = Object.fromEntries((["fts", "api", "like"] as const).map((m) => [m, { p50: round(quantile(all(m), 0.5)), p95: round(quantile(all(m), 0.95)) }])) as Record<Method, { p50: number; p95: number }>;
const ratios = { likeOverFtsP50: +(overall.like.p50 / overall.fts.p50).toFixed(1), likeOverFtsP95: +(overall.like.p95 / overall.fts.p95).toFixed(1), likeOverApiP50: +(overall.like.p50 / overall.api.p50).toFixed(1) };

console.table(rows.map(({ text: _text, ...row }) => row));
console.log(
  `${ARTICLES} articles (${(chars / 1e6).toFixed(0)}M chars, ${dbMegabytes} MB with index) generated in ${generateSeconds} s; ${RUNS} timed runs per query and method, page of ${PAGE} + totalCount.\n` +
    `all queries: fts p50 ${overall.fts.p50} ms / p95 ${overall.fts.p95} ms; api (with snippets) p50 ${overall.api.p50} / p95 ${overall.api.p95}; ` +
    `LIKE p50 ${overall.like.p50} / p95 ${overall.like.p95}. LIKE/FTS: ${ratios.likeOverFtsP50}x at p50, ${ratios.likeOverFtsP95}x at p95.`,
);
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, "search.json"),
  `${JSON.stringify(
    {
      corpus: { articles: ARTICLES, megachars: +(chars / 1e6).toFixed(1), dbMegabytes, generateSeconds },
      runs: RUNS,
      page: PAGE,
      queries: rows,
      overall,
      ratios,
      machine: { node: process.version, sqlite: (db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v, cpus: cpus().length },
    },
    null,
    2,
  )}\n`,
);

await server.stop();
db.close();
rmSync(dir, { recursive: true, force: true });
