import { afterAll, beforeAll, expect, it } from "vitest";
import type { SearchType } from "../../src/generated/graphql.js";
import { parseSearchQuery } from "../../src/search/parseSearchQuery.js";
import { postgresSearchPageParams, postgresSearchPageSql } from "../../src/search/postgres/searchSql.js";
import { toTsQuery } from "../../src/search/postgres/toTsQuery.js";
import { addSearchColumns } from "../../src/search/searchColumns.js";
import { createSearchPair } from "./postgresSearchPair.js";
import type { SearchPair } from "./postgresSearchPair.js";
import { postgresQuery } from "./postgresQuery.js";
import { describePostgres } from "./postgresTestUrl.js";

// The queries of searchRecord.test.ts and variants.test.ts, run through SQLite FTS5 (searchPage)
// and through the PostgreSQL statements over the same rows: the same records must be found.
// Order: ts_rank is not BM25 (no inverse document frequency), so only the orders the SQLite tests
// assert are compared.

const QUERIES = [
  '"الأمن السيبراني"', "السيبراني", "السبراني", "السيبراني OR السبراني", '"الاتحاد الأوروبي"', '"الاتحاد الاوروبي"',
  "الناتو", "ناتو", "والناتو", "بالناتو", "للناتو", "وللناتو", "فالناتو",
  "الأعرجي", "الاعرجي", "الأعرجى", "الأعـــرجي", "الأَعْرَجِيّ", "قَاسِمٌ الأَعْرَجِيُّ", "«قاسم الأعرجى»", "ﺍﻷﻋﺮﺟﻲ",
  "الأعرجي بروكسل", "الأعرجي AND بروكسل", "لويزو OR مونش", "الناتو -بروكسل", "الناتو NOT (بروكسل OR الكاربنيري)", "الكاظمي الناتو",
  "اينوت*", "اينوت", "الكاربن*", '"الأمن السيبر"*', "السودان", "السوداني", "غداد", "رييس", "الشمر", "الشمري",
  "Araji", "Qassim", '"al Araji"', "al-Araji", "cyber", "cyber*", "Loiseau", "LOISEAU", "NATO", "Daesh OR ISIS", "Türkiye", "turkiye",
  "الناتو OR العراق", "الناتو OR العراق OR السوداني", "بغداد", "العراق", '"North Atlantic"', "اينوتشي OR مونش", "الأعر*", "حلف الناتو",
];

const TYPED: [string, SearchType[]][] = [
  ["araji", ["ACTOR"]], ["NATO", ["ACTOR"]], ["Daesh OR ISIS", ["ACTOR"]], ["Türkiye", ["ACTOR"]], ["الناتو", ["MEETING", "TOPIC"]],
  ["الناتو", []], ["الناتو", ["ARTICLE"]], ["الكاربن*", ["TOPIC", "ACTOR"]], ['"الأمن السيبراني"', ["ARTICLE"]],
];

// variants.test.ts: a text stored as an article, a query, and whether it must find it.
const VARIANTS: [text: string, query: string, found: boolean][] = [
  ["الأعرجي", "الاعرجي", true], ["إيران", "ايران", true], ["الآثار", "الاثار", true], ["ٱلمنظمة", "المنظمة", true],
  ["المنظمة", "المنظمه", true], ["الأعرجى", "الأعرجي", true], ["مصطفي", "مصطفى", true], ["الأمـــنــي", "الأمني", true],
  ["السيبراني", "السيـــبراني", true], ["قَاسِمٌ", "قاسم", true], ["مونش", "مُونْشُ", true], ["الشَّمَّرِيّ", "الشمري", true],
  ["الناتو", "والناتو", true], ["الناتو", "بالناتو", true], ["الناتو", "للناتو", true], ["الناتو", "فالناتو", true],
  ["الناتو", "كالناتو", true], ["الناتو", "وبالناتو", true], ["وللناتو", "الناتو", true], ["والعراق", "عراق", true],
  ["ﺍﻟﻨﺎﺗﻮ", "الناتو", true], ["کردستان", "كردستان", true], ["الأ\u200cعرجي", "الأعرجي", true], ["٢٠٢٣", "2023", true],
  ["LOISEAU", "loiseau", true], ["Türkiye", "turkiye", true], ["Qasim al-Araji", "Araji", true], ["Qasim al-Araji", '"al araji"', true],
  ["ʿAbd al-Amir", "abd", true], ["الأعرجي", "الأعر*", true],
  ["رئيس", "رييس", false], ["مؤتمر", "موتمر", false], ["بغداد", "غداد", false], ["السوداني", "السودان", false],
  ["السودان", "السوداني", false], ["الشمري", "الشمر", false], ["لبغداد", "بغداد", false], ["بغداد", "ببغداد", false],
  ["Araji", "Araj", false], ["قاسم محمد الأعرجي", '"قاسم الأعرجي"', false],
];

describePostgres("PostgreSQL search finds what SQLite FTS5 finds", (url) => {
  let pair: SearchPair;
  /** `TYPE:id` → `Type:slug`, from SQLite (both databases hold the same ids). */
  let named: (hit: string) => string;

  beforeAll(async () => {
    pair = await createSearchPair(url);
    const slugs = new Map<string, string>();
    for (const [type, table] of [["ACTOR", "Actor"], ["ARTICLE", "Article"], ["MEETING", "Meeting"], ["TOPIC", "Topic"]] as const) {
      for (const row of pair.sqlite.prepare(`SELECT id, slug FROM "${table}"`).all() as { id: number; slug: string }[]) slugs.set(`${type}:${row.id}`, `${table}:${row.slug}`);
    }
    named = (hit) => slugs.get(hit) ?? hit;
  });
  afterAll(async () => {
    await pair?.close();
  });

  it.each(QUERIES)("%s finds the same records", async (query) => {
    const sqlite = await pair.sqliteHits(query);
    const postgres = await pair.postgresHits(query);
    expect([...postgres].sort()).toEqual([...sqlite].sort());
  });

  it.each(TYPED)("%s restricted to %j finds the same records", async (query, types) => {
    const sqlite = await pair.sqliteHits(query, types);
    expect([...(await pair.postgresHits(query, types))].sort()).toEqual([...sqlite].sort());
  });

  it("puts first the record the SQLite tests put first: the actor named, the topic whose name is the phrase", async () => {
    for (const [query, first] of [["الأعرجي", "Actor:qasim-al-araji"], ["Araji", "Actor:qasim-al-araji"], ['"الأمن السيبراني"', "Topic:cybersecurity"]] as const) {
      expect(named((await pair.sqliteHits(query))[0]!), query).toBe(first);
      expect(named((await pair.postgresHits(query))[0]!), query).toBe(first);
    }
  });

  it("returns ranks best first with docid breaking ties, and pages by offset without gaps or repeats", async () => {
    const tsquery = toTsQuery(parseSearchQuery("الناتو OR العراق", "query")!.expression);
    const codes = [1, 2, 3, 4];
    const all = await postgresQuery<{ docid: number; rank: number }>(pair.postgres.client, postgresSearchPageSql(), postgresSearchPageParams(tsquery, codes, 1000, 0));
    expect(all.length).toBeGreaterThan(10);
    for (const [i, row] of all.entries()) {
      expect(typeof row.docid).toBe("number");
      const next = all[i + 1];
      if (next) expect(row.rank < next.rank || (row.rank === next.rank && row.docid < next.docid)).toBe(true);
    }
    const paged: number[] = [];
    for (let offset = 0; offset < all.length; offset += 4) {
      paged.push(...(await postgresQuery<{ docid: number }>(pair.postgres.client, postgresSearchPageSql(), postgresSearchPageParams(tsquery, codes, 5, offset))).slice(0, 4).map((r) => r.docid));
    }
    expect(paged).toEqual(all.map((r) => r.docid));
  });

  it("filters articles and actors to the records search finds of their kind", async () => {
    for (const query of ['"الأمن السيبراني"', "الناتو", "الأعرجي بروكسل", "الناتو -بروكسل"]) {
      const sqlite = (await pair.sqliteHits(query, ["ARTICLE"])).map((h) => Number(h.split(":")[1])).sort((a, b) => a - b);
      expect(await pair.postgresFilter("ARTICLE", query), query).toEqual(sqlite);
    }
    for (const query of ["الأعر*", "Qassim", '"North Atlantic"', "اينوتشي OR مونش", "الناتو"]) {
      const sqlite = (await pair.sqliteHits(query, ["ACTOR"])).map((h) => Number(h.split(":")[1])).sort((a, b) => a - b);
      expect(await pair.postgresFilter("ACTOR", query), query).toEqual(sqlite);
    }
    expect((await pair.postgresFilter("ACTOR", "الأعر*")).map((id) => named(`ACTOR:${id}`))).toEqual(["Actor:qasim-al-araji"]);
  });

  it("finds every spelling variant SQLite finds, and none it does not, in articles written through the triggers", async () => {
    const texts = [...new Set(VARIANTS.map(([text]) => text))];
    const ids = new Map<string, { sqlite: number; postgres: number }>();
    for (const [i, text] of texts.entries()) {
      const row = addSearchColumns("article", {
        slug: `pg-variant-${i}`, headline: null, body: `نص تجريبي: ${text}.`, language: "ar", contentHash: `pg-variant-${i}`,
        datePrecision: "DAY", dateDerivation: "STATED", dateSort: "2024-01-01",
      }) as Record<string, unknown>;
      const columns = Object.keys(row);
      const sqlite = pair.sqlite.prepare(`INSERT INTO "Article" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(...columns.map((c) => row[c]));
      const postgres = await postgresQuery<{ id: number }>(pair.postgres.client, `INSERT INTO "Article" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) RETURNING "id"`, columns.map((c) => row[c]));
      ids.set(text, { sqlite: Number(sqlite.lastInsertRowid), postgres: postgres[0]!.id });
    }
    for (const [text, query, found] of VARIANTS) {
      const id = ids.get(text)!;
      let sqlite: boolean | null = null;
      let postgres: boolean | null = null;
      try {
        sqlite = (await pair.sqliteHits(query, ["ARTICLE"])).includes(`ARTICLE:${id.sqlite}`);
        postgres = (await pair.postgresHits(query, ["ARTICLE"])).includes(`ARTICLE:${id.postgres}`);
      } catch (error) {
        expect((error as { extensions?: { code?: string } }).extensions?.code).toBe("BAD_USER_INPUT");
      }
      expect([sqlite, postgres], `${text} / ${query}`).toEqual([found, found]);
    }
  });
});
