import type { CountingSql } from "../db/Sql.js";
import type { Loaders } from "../loaders/createLoaders.js";

/** What every resolver of one request shares. */
export interface Context {
  /** The request's statement counter over the shared connection. */
  sql: CountingSql;
  loaders: Loaders;
}
