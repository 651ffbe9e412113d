import type { Database } from "better-sqlite3";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import type { SearchType } from "../../src/generated/graphql.js";
import { parseSearchQuery } from "../../src/search/parseSearchQuery.js";
import { postgresSearchFilterClause } from "../../src/search/postgres/postgresSearchFilterClause.js";
import { postgresSearchCountParams, postgresSearchCountSql, postgresSearchPageParams, postgresSearchPageSql } from "../../src/search/postgres/searchSql.js";
import { toTsQuery } from "../../src/search/postgres/toTsQuery.js";
import { fromSearchDocid, SEARCH_KIND_CODES, SEARCH_TYPES } from "../../src/search/searchKinds.js";
import { searchPage } from "../../src/search/searchPage.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { createPostgresSearchDatabase } from "./postgresSearchDatabase.js";
import type { PostgresSearchDatabase } from "./postgresSearchDatabase.js";
import { postgresQuery } from "./postgresQuery.js";

/** The seed record in SQLite (FTS5, the existing code) and the same rows in PostgreSQL. */
export interface SearchPair {
  sqlite: Database;
  postgres: PostgresSearchDatabase;
  /** Every hit as `TYPE:id`, best first, through searchPage on SQLite. */
  sqliteHits(query: string, types?: readonly SearchType[]): Promise<string[]>;
  /** Every hit as `TYPE:id`, best first, through the PostgreSQL page statement; with the count statement's total. */
  postgresHits(query: string, types?: readonly SearchType[]): Promise<string[]>;
  /** The ids a list filter keeps on PostgreSQL, sorted. */
  postgresFilter(type: "ARTICLE" | "ACTOR", query: string): Promise<number[]>;
  close(): Promise<void>;
}

/** The `TYPE:id` of every hit of a SQLite search, all pages. */
async function allSqliteHits(sql: Sql, query: string, types: readonly SearchType[] | null): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await searchPage(sql, { query, types, first: 100, after });
    out.push(...page.edges.map((e) => `${e.type}:${e.id}`));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

export async function createSearchPair(serverUrl: string, options: { ctype?: "C" | "C.UTF-8" } = {}): Promise<SearchPair> {
  const seeded: TestDatabase = await seededDatabase();
  const postgres = await createPostgresSearchDatabase(serverUrl, { ...options, sqliteFile: seeded.file });
  const sqlite = openDatabase(seeded.file);
  const sql = new Sql(sqlite);
  return {
    sqlite,
    postgres,
    sqliteHits: (query, types) => allSqliteHits(sql, query, types ?? null),
    async postgresHits(query, types) {
      const parsed = parseSearchQuery(query, "query");
      if (parsed === null) throw new Error(`no word in ${JSON.stringify(query)}`);
      const codes = [...new Set(types ?? SEARCH_TYPES)].map((type) => SEARCH_KIND_CODES[type]).sort((a, b) => a - b);
      const tsquery = toTsQuery(parsed.expression);
      const rows = await postgresQuery<{ docid: number; rank: number }>(postgres.client, postgresSearchPageSql(), postgresSearchPageParams(tsquery, codes, 10_000, 0));
      const [{ n }] = (await postgresQuery<{ n: number }>(postgres.client, postgresSearchCountSql(), postgresSearchCountParams(tsquery, codes))) as [{ n: number }];
      if (n !== rows.length) throw new Error(`count ${n} but ${rows.length} hits for ${query}`);
      return rows.map((row) => {
        const { type, id } = fromSearchDocid(row.docid);
        return `${type}:${id}`;
      });
    },
    async postgresFilter(type, query) {
      const parsed = parseSearchQuery(query, "filter.search");
      if (parsed === null) return [];
      const table = type === "ARTICLE" ? "Article" : "Actor";
      const { clause, params } = postgresSearchFilterClause(type, `"${table}"."id"`, parsed.expression);
      const rows = await postgresQuery<{ id: number }>(postgres.client, `SELECT "id" FROM "${table}" WHERE ${clause} ORDER BY "id"`, params);
      return rows.map((row) => row.id);
    },
    async close() {
      sqlite.close();
      seeded.remove();
      await postgres.drop();
    },
  };
}
