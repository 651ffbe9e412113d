import { CountingSql } from "../db/Sql.js";
import type { SqlReader } from "../db/Sql.js";
import { createLoaders } from "../loaders/createLoaders.js";
import type { Context } from "./Context.js";

/** A fresh context per request: its own loaders (caches) and its own statement count. */
export function createContext(sql: SqlReader): Context {
  const counting = new CountingSql(sql);
  return { sql: counting, loaders: createLoaders(counting) };
}
