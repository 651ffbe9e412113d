import { keysetParams, keysetSql, pageWindow, toPage } from "./pagination.js";
import type { KeyedRow, Order, Page, PageArgs } from "./pagination.js";
import type { ListQuery } from "./meetingListSql.js";
import type { SqlReader } from "./Sql.js";

/** One page of a top-level list, with `totalCount` counted only when selected. */
export function listPage<T>(sql: SqlReader, query: ListQuery, order: Order, args: PageArgs): Page<T> {
  const window = pageWindow(args);
  if (query.empty) return toPage<T>([], window, () => 0);
  const rows = sql.all<T & KeyedRow>(keysetSql(query.inner, order, window, false), [...query.params, ...keysetParams(window)]);
  return toPage(rows, window, () => sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${query.inner})`, query.params)?.n ?? 0);
}
