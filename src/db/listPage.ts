import { keysetParams, keysetSql, pageWindow, toPage } from "./pagination.js";
import type { KeyedRow, Order, Page, PageArgs } from "./pagination.js";
import type { ListQuery } from "./meetingListSql.js";
import type { SqlReader } from "./Sql.js";

/** One page of a top-level list, with `totalCount` counted only when selected. */
export async function listPage<T>(sql: SqlReader, query: ListQuery | Promise<ListQuery>, order: Order, args: PageArgs): Promise<Page<T>> {
  const window = pageWindow(args);
  const { inner, params, empty } = await query;
  if (empty) return toPage<T>([], window, () => 0);
  const rows = await sql.all<T & KeyedRow>(keysetSql(inner, order, window, false), [...params, ...keysetParams(window)]);
  return toPage(rows, window, async () => (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${inner}) counted`, params))?.n ?? 0);
}
