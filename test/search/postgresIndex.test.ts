import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { parseSearchQuery } from "../../src/search/parseSearchQuery.js";
import { postgresSearchPageParams, postgresSearchPageSql } from "../../src/search/postgres/searchSql.js";
import { toTsQuery } from "../../src/search/postgres/toTsQuery.js";
import { verifyPostgresSearchIndex } from "../../src/search/postgres/verifyPostgresSearchIndex.js";
import { addSearchColumns } from "../../src/search/searchColumns.js";
import { fromSearchDocid, SEARCH_KIND_CODES } from "../../src/search/searchKinds.js";
import type { SearchType } from "../../src/generated/graphql.js";
import { normalizeForSearch } from "../../src/text/index.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { createPostgresSearchDatabase, POSTGRES_SEARCH_MIGRATION } from "./postgresSearchDatabase.js";
import type { PostgresSearchDatabase } from "./postgresSearchDatabase.js";
import { postgresQuery } from "./postgresQuery.js";
import { describePostgres } from "./postgresTestUrl.js";
import { readFileSync } from "node:fs";

// indexConsistency.test.ts for PostgreSQL: the triggers keep "SearchIndex" equal to the shadow
// columns through every kind of write, checked from scratch by verifyPostgresSearchIndex.

const ARTICLE = {
  slug: "test-article",
  headline: "عنوان تجريبي عن الكركدن",
  body: "نص أول يذكر الزرافة في بغداد.",
  language: "ar",
  contentHash: "test-hash",
  datePrecision: "DAY",
  dateEarliest: "2024-01-01",
  dateLatest: "2024-01-01",
  dateDerivation: "STATED",
  dateSort: "2024-01-01",
};

describePostgres("the PostgreSQL index follows every write", (url) => {
  let seeded: TestDatabase;
  let db: PostgresSearchDatabase | null = null;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterEach(async () => {
    await db?.drop();
    db = null;
  });
  afterAll(() => seeded?.remove());

  const run = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => postgresQuery<T>(db!.client, sql, params);
  const hits = async (query: string, types: SearchType[] = ["ARTICLE", "ACTOR", "MEETING", "TOPIC"]) => {
    const codes = types.map((type) => SEARCH_KIND_CODES[type]);
    const rows = await run<{ docid: number }>(postgresSearchPageSql(), postgresSearchPageParams(toTsQuery(parseSearchQuery(query, "query")!.expression), codes, 100, 0));
    return rows.map((row) => {
      const { type, id } = fromSearchDocid(row.docid);
      return `${type}:${id}`;
    });
  };
  const problems = () => verifyPostgresSearchIndex(db!.client);
  const sizes = async () =>
    (await run<{ index: number; record: number }>(`SELECT (SELECT COUNT(*) FROM "SearchIndex")::int AS "index",
      ((SELECT COUNT(*) FROM "Actor") + (SELECT COUNT(*) FROM "Article") + (SELECT COUNT(*) FROM "Meeting") + (SELECT COUNT(*) FROM "Topic"))::int AS "record"`))[0]!;
  /** Inserts or updates an article the way the Prisma extension writes it: shadow columns in the same statement. */
  const writeArticle = async (sql: (columns: string[]) => string, data: Record<string, unknown>) => {
    const row = addSearchColumns("article", data);
    const columns = Object.keys(row);
    return run<{ id: number }>(sql(columns.map((c) => `"${c}"`)), columns.map((c) => (row as Record<string, unknown>)[c]));
  };
  const rowVersion = async (docid: number) => (await run<{ v: string }>(`SELECT xmin::text AS "v" FROM "SearchIndex" WHERE "docid" = ?`, [docid]))[0]?.v;

  it("indexes the copied record in the migration, and follows inserts, updates, upserts and deletes", async () => {
    db = await createPostgresSearchDatabase(url, { sqliteFile: seeded.file });
    expect(await problems()).toEqual([]);
    const { index, record } = await sizes();
    expect(index).toBe(record);

    const [{ id }] = (await writeArticle((c) => `INSERT INTO "Article" (${c.join(", ")}) VALUES (${c.map(() => "?").join(", ")}) RETURNING "id"`, ARTICLE)) as [{ id: number }];
    expect(await hits("الزرافة")).toEqual([`ARTICLE:${id}`]);
    expect(await hits("الكركدن")).toEqual([`ARTICLE:${id}`]);

    await writeArticle((c) => `UPDATE "Article" SET ${c.map((col) => `${col} = ?`).join(", ")} WHERE "id" = ${id}`, { body: "نص ثانٍ يذكر الفِيَلة في أربيل." });
    expect(await hits("الزرافة")).toEqual([]);
    expect(await hits("الفيله")).toEqual([`ARTICLE:${id}`]);
    expect(await hits("الكركدن")).toEqual([`ARTICLE:${id}`]);

    await run("BEGIN");
    await writeArticle((c) => `UPDATE "Article" SET ${c.map((col) => `${col} = ?`).join(", ")} WHERE "id" = ${id}`, { headline: null });
    await run(`UPDATE "Meeting" SET "summaryEn" = ?, "searchSummaryEn" = ? WHERE "slug" = '2018-07-01-nato-summit-brussels'`, ["The Wales summit of the wombats.", normalizeForSearch("The Wales summit of the wombats.")]);
    await run("COMMIT");
    expect(await hits("الكركدن")).toEqual([]);
    expect(await hits("wombats", ["MEETING"])).toHaveLength(1);
    expect(await hits("summit", ["MEETING"])).toEqual(await hits("wombats", ["MEETING"]));

    await writeArticle(
      (c) => `INSERT INTO "Article" (${c.join(", ")}) VALUES (${c.map(() => "?").join(", ")}) ON CONFLICT ("slug") DO UPDATE SET "body" = EXCLUDED."body", "searchBody" = EXCLUDED."searchBody"`,
      { ...ARTICLE, body: "نص ثالث عن النعامة" },
    );
    expect(await hits("النعامة")).toEqual([`ARTICLE:${id}`]);
    expect(await problems()).toEqual([]);

    await run(`DELETE FROM "Article" WHERE "id" = ?`, [id]);
    expect(await hits("النعامة")).toEqual([]);
    await run(`DELETE FROM "Meeting" WHERE "slug" = '2018-07-01-nato-summit-brussels'`);
    expect(await hits("wombats")).toEqual([]);
    // Deleting an actor removes its document; the rows that cascade or are set null change nothing else.
    await run(`DELETE FROM "Actor" WHERE "slug" = 'nathalie-loiseau'`);
    expect(await hits("Loiseau", ["ACTOR"])).toEqual([]);
    expect(await problems()).toEqual([]);
    const after = await sizes();
    expect(after.index).toBe(after.record);
  });

  it("rewrites a document only when its text or id changes; an id change moves it", async () => {
    db = await createPostgresSearchDatabase(url, { sqliteFile: seeded.file });
    const [{ id }] = (await run<{ id: number }>(`SELECT "id" FROM "Topic" WHERE "slug" = 'cybersecurity'`)) as [{ id: number }];
    const docid = id * 8 + SEARCH_KIND_CODES.TOPIC;
    const before = await rowVersion(docid);
    await run(`UPDATE "Topic" SET "plover" = 'x', "searchText" = "searchText" WHERE "id" = ?`, [id]);
    expect(await rowVersion(docid)).toBe(before);
    const found = await hits("cyber", ["TOPIC"]);
    await run(`UPDATE "Topic" SET "id" = 99999 WHERE "id" = ?`, [id]);
    expect(await rowVersion(docid)).toBeUndefined();
    expect(await hits("cyber", ["TOPIC"])).toEqual(found.map((hit) => (hit === `TOPIC:${id}` ? "TOPIC:99999" : hit)));
    expect(await problems()).toEqual([]);
  });

  it("follows TRUNCATE, and writes from a session whose search_path does not name the schema", async () => {
    db = await createPostgresSearchDatabase(url, { sqliteFile: seeded.file });
    await run(`TRUNCATE "Meeting" CASCADE`);
    expect(await hits("Araji")).toEqual(await hits("Araji", ["ACTOR"]));
    expect(await problems()).toEqual([]);
    await run(`SET search_path TO pg_catalog`);
    await run(`INSERT INTO public."Topic" ("slug", "nameAr", "nameEn", "searchText") VALUES ('okapis', 'الأوكابي', 'Okapis', ?)`, [[normalizeForSearch("الأوكابي"), normalizeForSearch("Okapis")].join("\n")]);
    await run(`RESET search_path`);
    expect(await hits("okapis")).toHaveLength(1);
    expect(await problems()).toEqual([]);
  });

  it("reports shadow columns a plain SQL write left stale, and indexes old rows once they are normalised", async () => {
    db = await createPostgresSearchDatabase(url, { migrate: false });
    // Rows written before the search columns existed: empty shadow columns.
    await run(`INSERT INTO "Article" ("id", "slug", "body", "language", "contentHash", "datePrecision", "dateDerivation", "dateSort") VALUES (7, 'old', 'زار الأعرجي بروكسل', 'ar', 'h', 'DAY', 'STATED', '')`);
    await run(`INSERT INTO "Meeting" ("id", "slug", "kind", "summaryEn", "summaryAr", "datePrecision", "dateDerivation", "dateSort") VALUES (3, 'm', 'MEETING', 'Araji in Brussels', 'الأعرجي في بروكسل', 'DAY', 'STATED', '')`);
    await db.client.query(readFileSync(POSTGRES_SEARCH_MIGRATION, "utf8"));
    expect(await hits("الأعرجي")).toEqual([]);
    expect(await problems()).toEqual(["article old: searchBody is stale", "meeting m: searchSummaryAr is stale", "meeting m: searchSummaryEn is stale"]);
    // What fillSearchColumns does on SQLite: normalise in JS, write the shadow columns; the triggers index.
    await run(`UPDATE "Article" SET "searchBody" = ? WHERE "id" = 7`, [normalizeForSearch("زار الأعرجي بروكسل")]);
    await run(`UPDATE "Meeting" SET "searchSummaryAr" = ?, "searchSummaryEn" = ? WHERE "id" = 3`, [normalizeForSearch("الأعرجي في بروكسل"), normalizeForSearch("Araji in Brussels")]);
    expect((await hits("الأعرجي")).sort()).toEqual(["ARTICLE:7", "MEETING:3"]);
    expect(await hits("Araji")).toEqual(["MEETING:3"]);
    expect(await problems()).toEqual([]);
    await run(`UPDATE "Meeting" SET "summaryEn" = 'A meeting about pangolins.' WHERE "id" = 3`);
    expect(await problems()).toEqual(["meeting m: searchSummaryEn is stale"]);
    // A document edited behind the triggers' back is caught too.
    await run(`UPDATE "SearchIndex" SET "doc" = "searchIndexDocument"('', 'x') WHERE "docid" = 7 * 8 + 2`);
    expect(await problems()).toContain("article old: indexed body differs from its text");
    await run(`DELETE FROM "SearchIndex" WHERE "docid" = 3 * 8 + 3`);
    await run(`INSERT INTO "SearchIndex" VALUES (1000 * 8 + 2, ''), (5 * 8 + 1, to_tsvector('simple', 'a'))`);
    expect(await problems()).toEqual(expect.arrayContaining(["meeting m: not in the index", "index document 8002 belongs to no record", "index document 41 belongs to no record"]));
  });
});
