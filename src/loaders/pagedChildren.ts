import DataLoader from "dataloader";
import type { SqlReader } from "../db/Sql.js";
import { keysetParams, keysetSql, pageWindow, toPage } from "../db/pagination.js";
import type { KeyedRow, Order, Page, PageArgs, PageWindow } from "../db/pagination.js";

/** A child list of many parents: SQL exposing `_k`, `_id`, `_p` for the parents in `json_each(?)`. */
export interface ChildList {
  /** The SELECT, with one `?` taking the JSON array of parent ids. */
  inner: string;
  order: Order;
  /**
   * The same list for exactly one parent, its `?` taking the parent's id, written so that an index
   * yields the rows in (`_k`, `_id`) order: the page is then a walk that stops after `first + 1`
   * rows. The batched form must rank every child of every parent (ROW_NUMBER) before it can cut,
   * which grows with the busiest parent; most requests page one parent.
   */
  single?: string;
}

/**
 * Pages a child connection (an actor's meetings, a topic's articles, ...) for every parent in a
 * batch with one statement, and counts them with one more only if `totalCount` is selected.
 * Parents asking for different pages batch separately: the key includes the arguments.
 */
export class PagedChildren<T> {
  private readonly pages: DataLoader<string, Page<T>>;
  private readonly counts: DataLoader<number, number>;

  constructor(
    sql: SqlReader,
    private readonly list: ChildList,
  ) {
    this.counts = new DataLoader(async (parents) => {
      const rows = await sql.all<{ _p: number; n: number }>(
        `SELECT s._p AS _p, COUNT(*) AS n FROM (${list.inner}) s GROUP BY s._p`,
        [JSON.stringify(parents)],
      );
      const byParent = new Map(rows.map((row) => [row._p, row.n]));
      return parents.map((parent) => byParent.get(parent) ?? 0);
    });
    this.pages = new DataLoader(async (keys) => {
      const byArgs = new Map<string, number[]>();
      for (const key of keys) {
        const [parent, args] = splitKey(key);
        byArgs.set(args, [...(byArgs.get(args) ?? []), parent]);
      }
      const pages = new Map<string, Page<T>>();
      for (const [args, parents] of byArgs) {
        const window = pageWindow(JSON.parse(args) as PageArgs);
        const page = this.statement(parents, window, false);
        const rows = await sql.all<T & KeyedRow>(page.sql, page.params);
        for (const parent of parents) {
          const own = rows.filter((row) => row._p === parent);
          pages.set(`${parent}|${args}`, toPage(own, window, () => this.counts.load(parent)));
        }
      }
      return keys.map((key) => pages.get(key)!);
    });
  }

  /**
   * The statement reading the keys of one parent's page (`_k`, `_id`, `_p`), for readers that build
   * the answer in SQL (src/compiled); the same SQL `load` runs for a batch of one.
   */
  pageSql(parent: number, args: PageArgs): { sql: string; params: unknown[]; window: PageWindow; order: Order } {
    const window = pageWindow(args);
    return { ...this.statement([parent], window, true), window, order: this.list.order };
  }

  /** One page of each of `parents`' children: the single-parent walk when it is one and there is one. */
  private statement(parents: readonly number[], window: PageWindow, keysOnly: boolean): { sql: string; params: unknown[] } {
    const { list } = this;
    return parents.length === 1 && list.single !== undefined
      ? { sql: keysetSql(list.single, list.order, window, false, keysOnly), params: [parents[0], ...keysetParams(window)] }
      : { sql: keysetSql(list.inner, list.order, window, true, keysOnly), params: [JSON.stringify(parents), ...keysetParams(window)] };
  }

  /** How many children `parent` has (`totalCount`), batched with the other parents' counts. */
  count(parent: number): Promise<number> {
    return this.counts.load(parent);
  }

  /** The page of `parent`'s children that `args` asks for; arguments are validated first. */
  load(parent: number, args: PageArgs): Promise<Page<T>> {
    pageWindow(args);
    const normalized: PageArgs = { first: args.first ?? null, after: args.after ?? null, last: args.last ?? null, before: args.before ?? null };
    return this.pages.load(`${parent}|${JSON.stringify(normalized)}`);
  }
}

function splitKey(key: string): [number, string] {
  const bar = key.indexOf("|");
  return [Number(key.slice(0, bar)), key.slice(bar + 1)];
}
