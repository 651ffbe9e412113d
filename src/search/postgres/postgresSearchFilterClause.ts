import type { SearchType } from "../../generated/graphql.js";
import { SEARCH_KIND_CODES } from "../searchKinds.js";
import type { SearchExpression } from "../SearchQuery.js";
import { toTsQuery } from "./toTsQuery.js";

/**
 * PostgreSQL's condition for a list filter's `search` (searchFilterSql's clause): `<idColumn> IN
 * (ids the index matches)`, so the list keeps its own order and keyset pagination. One `?`, the
 * tsquery text. `idColumn` is the caller's SQL (already quoted), as in searchFilterSql.
 * `docid / 8` is integer division on PostgreSQL too (bigint), so it is the record's id.
 */
export function postgresSearchFilterClause(type: SearchType, idColumn: string, expression: SearchExpression): { clause: string; params: unknown[] } {
  return {
    clause: `${idColumn} IN (SELECT "SearchIndex"."docid" / 8 FROM "SearchIndex" WHERE "SearchIndex"."doc" @@ CAST(? AS tsquery) AND "SearchIndex"."docid" % 8 = ${SEARCH_KIND_CODES[type]})`,
    params: [toTsQuery(expression)],
  };
}
