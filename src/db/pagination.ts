import { badUserInput } from "../errors/badUserInput.js";

/** Relay connection arguments as the SDL gives them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** The largest page a client may ask for; bigger requests are refused, never silently cut. */
export const MAX_PAGE_SIZE = 100;
/** The page size when a client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** Keyset position: the sort key and the row id of the row a cursor points at. */
export type CursorKey = readonly [string | number, number];

/** A validated page request. */
export interface PageWindow {
  backward: boolean;
  limit: number;
  cursor: CursorKey | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfoRow {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * A connection's parent value. `totalCount` is a thunk (GraphQL's default resolver calls it) so the
 * count query runs only when a client selects the field.
 */
export interface Page<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfoRow;
  totalCount: () => number | Promise<number>;
}

/** Cursors are opaque (base64url JSON) so the keyset can change without breaking clients' code. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/**
 * Numbers in a cursor are row ids (or id sort keys): 32-bit integers, as PostgreSQL's `integer`
 * columns hold them. A larger one cannot come from this API, and PostgreSQL would fail comparing it
 * (found by test/faults/apiInput.property.test.ts), so it is refused with the other forged cursors.
 */
function isRowInteger(value: unknown): value is number {
  return Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647;
}

function decodeCursor(cursor: string, argument: string): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === 2 && (typeof key[0] === "string" || isRowInteger(key[0])) && isRowInteger(key[1])) {
      return [key[0], key[1] as number];
    }
  } catch {
    // fall through to the error below
  }
  throw badUserInput(`"${cursor}" is not a cursor from this API. Pass an edge's cursor or pageInfo's endCursor unchanged.`, argument);
}

function checkSize(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0) throw badUserInput(`\`${argument}\` must be zero or a positive integer, got ${value}.`, argument);
  if (value > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${argument}\` may be at most ${MAX_PAGE_SIZE}, got ${value}. Page through larger results with \`after\`.`, argument);
  }
  return value;
}

/** Validates connection arguments at the edge: one direction at a time, bounded size, real cursors. */
export function pageWindow(args: PageArgs): PageWindow {
  const forward = args.first != null || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward) {
    throw badUserInput("Page forward (`first`/`after`) or backward (`last`/`before`), not both at once.");
  }
  if (backward) {
    return {
      backward: true,
      limit: args.last == null ? DEFAULT_PAGE_SIZE : checkSize(args.last, "last"),
      cursor: args.before == null ? null : decodeCursor(args.before, "before"),
    };
  }
  return {
    backward: false,
    limit: args.first == null ? DEFAULT_PAGE_SIZE : checkSize(args.first, "first"),
    cursor: args.after == null ? null : decodeCursor(args.after, "after"),
  };
}

/** A row as the keyset SQL returns it: the record plus its sort key, id and parent. */
export interface KeyedRow {
  _k: string | number;
  _id: number;
  _p: number;
}

function stripKeys<T>(row: T & Partial<KeyedRow> & { _rn?: number }): T {
  const { _k, _id, _p, _rn, ...rest } = row;
  return rest as T;
}

/**
 * Builds a connection from at most `limit + 1` rows fetched in the window's direction; the extra
 * row only tells whether another page exists.
 */
export function toPage<T>(
  rows: readonly (T & KeyedRow)[],
  window: PageWindow,
  totalCount: () => number | Promise<number>,
): Page<T> {
  const more = rows.length > window.limit;
  const kept = rows.slice(0, window.limit);
  if (window.backward) kept.reverse();
  const edges = kept.map((row) => ({ cursor: encodeCursor([row._k, row._id]), node: stripKeys<T>(row) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: pageInfoOf(window, more, edges.map((edge) => edge.cursor)),
    totalCount,
  };
}

/** PageInfo of a page in `window`'s direction: `more` when a row beyond the limit came back. */
export function pageInfoOf(window: PageWindow, more: boolean, cursors: readonly string[]): PageInfoRow {
  return {
    hasNextPage: window.backward ? window.cursor !== null : more,
    hasPreviousPage: window.backward ? more : window.cursor !== null,
    startCursor: cursors[0] ?? null,
    endCursor: cursors.at(-1) ?? null,
  };
}

/** Sort direction of a list as the client sees it. */
export type Order = "ASC" | "DESC";

/**
 * Keyset SQL over `inner`, a SELECT exposing `_k` (sort key, never NULL), `_id` and `_p` (parent
 * id, or 0). With `perParent`, one statement pages every parent of a batch at once
 * (ROW_NUMBER per parent); otherwise a plain ORDER BY … LIMIT lets SQLite walk an index.
 * Parameters: inner's, then the cursor's two. With `keysOnly`, just `_k`, `_id`, `_p`.
 */
export function keysetSql(inner: string, order: Order, window: PageWindow, perParent: boolean, keysOnly = false): string {
  const ascending = (order === "ASC") !== window.backward;
  const dir = ascending ? "ASC" : "DESC";
  const where = window.cursor ? `WHERE (s._k, s._id) ${ascending ? ">" : "<"} (?, ?)` : "";
  // Keys only: SQLite computes every column a subquery lists before the LIMIT cuts, and a reader
  // that builds the rows itself (src/compiled) only needs to know which ones.
  const columns = keysOnly ? "s._k, s._id, s._p" : "s.*";
  const limit = sqlLimit(window);
  if (!perParent) return `SELECT ${columns} FROM (${inner}) s ${where} ORDER BY s._k ${dir}, s._id ${dir} LIMIT ${limit}`;
  return `SELECT * FROM (SELECT ${columns}, ROW_NUMBER() OVER (PARTITION BY s._p ORDER BY s._k ${dir}, s._id ${dir}) AS _rn
    FROM (${inner}) s ${where}) ranked WHERE _rn <= ${limit} ORDER BY _p, _rn`;
}

/**
 * How many rows a page statement reads (the page and one more, which tells whether another page
 * exists), to be written into the SQL, not bound: SQLite plans `LIMIT 21` better than `LIMIT ?`
 * (2.5–4× faster for the same page, docs/performance.md, sixth pass). pageWindow validated it, so
 * there are at most MAX_PAGE_SIZE + 1 shapes per list.
 */
export function sqlLimit(window: PageWindow): number {
  const limit = window.limit + 1;
  if (!Number.isInteger(limit)) throw new Error(`page limit ${window.limit} is not an integer`);
  return limit;
}

/** The parameters {@link keysetSql} expects after the inner query's own: the cursor's, if any. */
export function keysetParams(window: PageWindow): unknown[] {
  return window.cursor ? [window.cursor[0], window.cursor[1]] : [];
}
