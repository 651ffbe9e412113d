/**
 * ts_rank weights, in PostgreSQL's order {D, C, B, A}: a title (A) match weighs three body (D)
 * matches, as bm25("SearchIndex", 3.0, 1.0) does in SQLite. ts_rank refuses weights above 1, so
 * the body keeps PostgreSQL's default 0.1 and the title gets 0.3.
 */
const WEIGHTS = "{0.1, 0, 0, 0.3}";

/**
 * Normalisation 1: rank / (1 + ln(document length)). BM25 prefers short documents (an actor's
 * names over an article mentioning them); without length normalisation ts_rank puts an article
 * whose headline and body name al-Araji above the actor himself. Of ts_rank and ts_rank_cd with
 * normalisations 0, 1, 2, 8, this one agreed best with BM25's order on the seed record's queries
 * (test/search/postgresSearch.test.ts asserts the orders the SQLite tests assert).
 */
const NORMALIZATION = 1;

/**
 * The query once per statement, as a one-row subquery, so each statement takes the tsquery text
 * as its first and only text parameter, in the place the FTS5 MATCH string has.
 */
const QUERY = `CROSS JOIN (SELECT CAST(? AS tsquery) AS "q") AS "query"`;
const KINDS = `"SearchIndex"."docid" % 8 = ANY(CAST(? AS integer[]))`;

/**
 * PostgreSQL's PAGE_SQL (src/search/searchPage.ts): one page of hits, best first, docid breaking
 * ties so the order is total. Params: postgresSearchPageParams. `rank` is the negated ts_rank, so
 * that, as with bm25(), lower is better and `score = -rank`; `docid` is returned as float8 because
 * the pg driver returns bigint as a string (exact: ids are 32-bit, docids below 2^35).
 *
 * Scores are not BM25's: ts_rank has no inverse document frequency (a rare word weighs what a
 * common one does), so the order of hits can differ from SQLite's where several terms compete;
 * which record is found never does.
 */
export function postgresSearchPageSql(): string {
  return `SELECT CAST("SearchIndex"."docid" AS float8) AS "docid", -ts_rank('${WEIGHTS}', "SearchIndex"."doc", "query"."q", ${NORMALIZATION}) AS "rank"
  FROM "SearchIndex" ${QUERY}
  WHERE "SearchIndex"."doc" @@ "query"."q" AND ${KINDS}
  ORDER BY "rank", "docid" LIMIT ? OFFSET ?`;
}

/** PostgreSQL's COUNT_SQL: every hit of the search. `n` is cast to integer (COUNT is bigint, a string in pg). */
export function postgresSearchCountSql(): string {
  return `SELECT CAST(COUNT(*) AS integer) AS "n" FROM "SearchIndex" ${QUERY} WHERE "SearchIndex"."doc" @@ "query"."q" AND ${KINDS}`;
}

/** Params of postgresSearchPageSql: the toTsQuery text, the kind codes (a JS array), LIMIT, OFFSET. */
export function postgresSearchPageParams(tsquery: string, codes: readonly number[], limit: number, offset: number): unknown[] {
  return [tsquery, [...codes], limit, offset];
}

/** Params of postgresSearchCountSql. */
export function postgresSearchCountParams(tsquery: string, codes: readonly number[]): unknown[] {
  return [tsquery, [...codes]];
}
