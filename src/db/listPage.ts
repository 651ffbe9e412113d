import { keysetParams, keysetSql, pageWindow, toPage } from "./pagination.js";
import type { KeyedRow, Order, Page, PageArgs, PageWindow } from "./pagination.js";
import type { ListQuery } from "./meetingListSql.js";
import type { SqlReader } from "./Sql.js";

/**
 * The statement reading one page of a list (rows with `_k`, `_id`, `_p`, and with `keysOnly` nothing
 * else), or null when nothing can match.
 */
export function listPageSql(query: ListQuery, order: Order, window: PageWindow, keysOnly = false): { sql: string; params: unknown[] } | null {
  if (query.empty) return null;
  if (query.page) return query.page(window, order, keysOnly);
  return { sql: keysetSql(query.inner, order, window, false, keysOnly), params: [...query.params, ...keysetParams(window)] };
}

/** How many rows the whole list holds (`totalCount`). */
export async function listCount(sql: SqlReader, query: ListQuery): Promise<number> {
  if (query.empty) return 0;
  return (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${query.inner}) counted`, query.params))?.n ?? 0;
}

/** One page of a top-level list, with `totalCount` counted only when selected. */
export async function listPage<T>(sql: SqlReader, query: ListQuery | Promise<ListQuery>, order: Order, args: PageArgs): Promise<Page<T>> {
  const window = pageWindow(args);
  const list = await query;
  const paged = listPageSql(list, order, window);
  if (!paged) return toPage<T>([], window, () => 0);
  const rows = await sql.all<T & KeyedRow>(paged.sql, paged.params);
  return toPage(rows, window, () => listCount(sql, list));
}
