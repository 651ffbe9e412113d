import { badUserInput } from "../errors/badUserInput.js";
import type { SearchType } from "../generated/graphql.js";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../db/pagination.js";
import type { PageInfoRow } from "../db/pagination.js";
import type { SqlReader } from "../db/Sql.js";
import { parseSearchQuery } from "./parseSearchQuery.js";
import { runMatch } from "./runMatch.js";
import { toFtsMatch } from "./toFtsMatch.js";
import { postgresSearchCountParams, postgresSearchCountSql, postgresSearchPageParams, postgresSearchPageSql } from "./postgres/searchSql.js";
import { toTsQuery } from "./postgres/toTsQuery.js";
import { decodeSearchCursor, encodeSearchCursor, searchFingerprint } from "./searchCursor.js";
import { fromSearchDocid, SEARCH_KIND_CODES, SEARCH_TYPES } from "./searchKinds.js";
import type { SearchTerm } from "./SearchQuery.js";

/** BM25 column weights: a match in a name, alias, keyword or headline counts three times a body match. */
const WEIGHTS = "3.0, 1.0";

const PAGE_SQL = `SELECT rowid AS docid, bm25("SearchIndex", ${WEIGHTS}) AS rank FROM "SearchIndex"
  WHERE "SearchIndex" MATCH ? AND rowid % 8 IN (SELECT value FROM json_each(?))
  ORDER BY rank, rowid LIMIT ? OFFSET ?`;
const COUNT_SQL = `SELECT COUNT(*) AS n FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND rowid % 8 IN (SELECT value FROM json_each(?))`;

/** One hit as the `SearchEdge` resolvers receive it; the record itself is loaded (batched) on demand. */
export interface SearchEdgeRow {
  cursor: string;
  type: SearchType;
  id: number;
  score: number;
  /** The query's positive terms, for the snippet. */
  terms: SearchTerm[];
}

/** The `SearchConnection` parent: `totalCount` runs its query only when selected. */
export interface SearchPage {
  edges: SearchEdgeRow[];
  pageInfo: PageInfoRow;
  totalCount: () => Promise<number>;
}

export interface SearchArgs {
  query: string;
  types?: readonly SearchType[] | null;
  first?: number | null;
  after?: string | null;
}

/**
 * One page of ranked hits: validates the arguments at the edge, runs one FTS5 statement for the
 * page (best BM25 first, rowid breaking ties so the order is total) and one more for `totalCount`
 * if it is selected. Nested fields of the hits go through the request's loaders.
 */
export async function searchPage(sql: SqlReader, args: SearchArgs): Promise<SearchPage> {
  const parsed = parseSearchQuery(args.query, "query");
  if (parsed === null) throw badUserInput("`query` has no word to search for: give at least one letter or digit.", "query");
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badUserInput(`\`first\` must be zero or a positive integer, got ${first}.`, "first");
  if (first > MAX_PAGE_SIZE) throw badUserInput(`\`first\` may be at most ${MAX_PAGE_SIZE}, got ${first}. Page through more hits with \`after\`.`, "first");
  const codes = [...new Set(args.types ?? SEARCH_TYPES)].map((type) => SEARCH_KIND_CODES[type]).sort((a, b) => a - b);
  // The same parsed query compiled for the database's index: FTS5 MATCH text, or a tsquery.
  const postgres = sql.dialect === "postgres";
  const match = postgres ? toTsQuery(parsed.expression) : toFtsMatch(parsed.expression);
  const fingerprint = searchFingerprint(match, codes);
  const offset = args.after == null ? 0 : decodeSearchCursor(args.after, fingerprint, "after");
  const kinds = JSON.stringify(codes);
  const [pageSql, pageParams, countSql, countParams] = postgres
    ? [postgresSearchPageSql(), postgresSearchPageParams(match, codes, first + 1, offset), postgresSearchCountSql(), postgresSearchCountParams(match, codes)]
    : [PAGE_SQL, [match, kinds, first + 1, offset], COUNT_SQL, [match, kinds]];
  const rows = codes.length === 0 ? [] : await runMatch(match, "query", () => sql.all<{ docid: number; rank: number }>(pageSql, pageParams));
  const kept = rows.slice(0, first);
  const edges = kept.map((row, i) => ({
    cursor: encodeSearchCursor(offset + i + 1, fingerprint),
    ...fromSearchDocid(row.docid),
    score: -row.rank,
    terms: parsed.positiveTerms,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: async () => (codes.length === 0 ? 0 : ((await runMatch(match, "query", () => sql.get<{ n: number }>(countSql, countParams)))?.n ?? 0)),
  };
}
