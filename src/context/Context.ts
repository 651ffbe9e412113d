import type { Caller } from "../auth/Caller.js";
import type { CountingSql } from "../db/Sql.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Loaders } from "../loaders/createLoaders.js";

/** What every resolver of one request shares. */
export interface Context {
  /** The request's statement counter over the shared connection. */
  sql: CountingSql;
  loaders: Loaders;
  /** Who sent the request (from the `Authorization` header); mutations check its role. */
  caller: Caller;
  /** Prisma, which owns the writes; null where the server was built read-only (some tests). */
  prisma: PrismaClient | null;
  /** With a read replica: send the rest of this request's reads to the primary (mutations). */
  usePrimary?: () => void;
  /**
   * How the request was answered, for logs and tests. An object, not a flag on the context: Apollo
   * hands resolvers and plugins a shallow copy of the context value.
   */
  answered: { compiled: boolean };
}
