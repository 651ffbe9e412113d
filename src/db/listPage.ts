import { keysetParams, keysetSql, pageWindow, toPage } from "./pagination.js";
import type { KeyedRow, Order, Page, PageArgs } from "./pagination.js";
import type { ListQuery } from "./meetingListSql.js";
import type { SqlReader } from "./Sql.js";

/** One page of a top-level list, with `totalCount` counted only when selected. */
export async function listPage<T>(sql: SqlReader, query: ListQuery | Promise<ListQuery>, order: Order, args: PageArgs): Promise<Page<T>> {
  const window = pageWindow(args);
  const { inner, params, empty, page } = await query;
  if (empty) return toPage<T>([], window, () => 0);
  const paged = page ? page(window, order) : { sql: keysetSql(inner, order, window, false), params: [...params, ...keysetParams(window)] };
  const rows = await sql.all<T & KeyedRow>(paged.sql, paged.params);
  return toPage(rows, window, async () => (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${inner}) counted`, params))?.n ?? 0);
}
