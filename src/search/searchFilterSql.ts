import type { Dialect } from "../db/Sql.js";
import type { SearchType } from "../generated/graphql.js";
import { parseSearchQuery } from "./parseSearchQuery.js";
import { SEARCH_KIND_CODES } from "./searchKinds.js";
import { toFtsMatch } from "./toFtsMatch.js";
import { postgresSearchFilterClause } from "./postgres/postgresSearchFilterClause.js";

/** A list filter's search as SQL: a condition on the list's id column, or nothing can match. */
export type SearchFilter = { clause: string; params: unknown[] } | { empty: true };

/**
 * The `search` of a list filter (`actors`, `articles`) with the same parser and index as
 * `Query.search`, as a condition `<idColumn> IN (ids the index matches)`, so the list keeps its
 * own order and keyset pagination. Null when there is nothing to filter (no `search`, or only
 * whitespace); `{ empty: true }` when the search has no word (punctuation only), which matches
 * nothing. Syntax errors are BAD_USER_INPUT naming `argument`.
 *
 * The MATCH runs inside SQLite as part of the list's statement, so a syntax error from FTS5 would
 * surface there; parseSearchQuery and toFtsMatch guarantee the expression is well formed.
 */
export function searchFilterSql(dialect: Dialect, type: SearchType, search: string | null | undefined, idColumn: string, argument: string): SearchFilter | null {
  if (search == null || search.trim() === "") return null;
  const parsed = parseSearchQuery(search, argument);
  if (parsed === null) return { empty: true };
  if (dialect === "postgres") return postgresSearchFilterClause(type, idColumn, parsed.expression);
  return {
    clause: `${idColumn} IN (SELECT rowid / 8 FROM "SearchIndex" WHERE "SearchIndex" MATCH ? AND rowid % 8 = ${SEARCH_KIND_CODES[type]})`,
    params: [toFtsMatch(parsed.expression)],
  };
}
