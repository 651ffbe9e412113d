import type { Dialect } from "../db/Sql.js";

/**
 * The few SQL expressions compiled reads write differently for SQLite and PostgreSQL. Everything
 * else they write (joins, correlated subqueries, ORDER BY, the list SQL they reuse) is the read
 * path's SQLite dialect, which PostgresSql translates (toPostgresSql).
 */
export interface JsonDialect {
  readonly name: Dialect;
  /**
   * Objects a row points at as LEFT JOINs (SQLite: a subquery's value loses the JSON subtype and
   * must be parsed again) or as correlated subqueries (PostgreSQL: inside a list's aggregate its
   * planner merge-joined a whole index for a join; a subquery is one index probe per row).
   */
  readonly joinsObjects: boolean;
  /** A JSON object from `'key', value` pairs, keys in order. */
  object(parts: readonly string[]): string;
  /** A JSON array of `object` over the rows of `from … WHERE where`, in `order`; `[]` when none. */
  list(object: string, order: string, from: string, where: string): string;
  /** A column holding JSON text, as JSON. */
  json(expression: string): string;
  /** A global id (src/ids/globalId.ts): base64url of `Type:id`. */
  globalId(type: string, id: string): string;
  /** A JSON value as the text the statement returns. */
  text(expression: string): string;
}

export const SQLITE_JSON: JsonDialect = {
  name: "sqlite",
  joinsObjects: true,
  object: (parts) => `json_object(${parts.join(", ")})`,
  // json(): the subquery's value has lost SQLite's JSON subtype, without which the list would be
  // embedded as a string.
  list: (object, order, from, where) => `json((SELECT json_group_array(${object} ORDER BY ${order}) FROM ${from} WHERE ${where}))`,
  json: (expression) => `json(${expression})`,
  // SQLite cannot write base64: a function the reader registers (src/db/registerSqlFunctions.ts).
  globalId: (type, id) => `taawun_global_id('${type}', ${id})`,
  text: (expression) => expression,
};

export const POSTGRES_JSON: JsonDialect = {
  name: "postgres",
  joinsObjects: false,
  // json, not jsonb: jsonb orders an object's keys by length, and an answer's order is the query's.
  object: (parts) => `json_build_object(${parts.join(", ")})`,
  // json_agg, not json_group_array: toPostgresSql would turn the latter into text, which is right
  // for the resolvers' batches and wrong inside an answer.
  list: (object, order, from, where) => `COALESCE((SELECT json_agg(${object} ORDER BY ${order}) FROM ${from} WHERE ${where}), '[]'::json)`,
  json: (expression) => `CAST(${expression} AS json)`,
  // encode(…, 'base64') breaks lines after 76 characters; an id is far shorter.
  globalId: (type, id) => `translate(rtrim(encode(convert_to('${type}:' || ${id}, 'UTF8'), 'base64'), '='), '+/', '-_')`,
  text: (expression) => `CAST(${expression} AS text)`,
};

/** The dialect object for a reader's dialect. */
export function jsonDialect(dialect: Dialect): JsonDialect {
  return dialect === "postgres" ? POSTGRES_JSON : SQLITE_JSON;
}
