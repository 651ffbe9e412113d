import { ANONYMOUS } from "../auth/Caller.js";
import type { Caller } from "../auth/Caller.js";
import { CountingSql } from "../db/Sql.js";
import type { SqlReader } from "../db/Sql.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { createLoaders } from "../loaders/createLoaders.js";
import type { Context } from "./Context.js";

/** A fresh context per request: its own loaders (caches) and its own statement count. */
export function createContext(sql: SqlReader, options: { caller?: Caller; prisma?: PrismaClient | null; usePrimary?: () => void } = {}): Context {
  const counting = new CountingSql(sql);
  return {
    sql: counting,
    loaders: createLoaders(counting),
    caller: options.caller ?? ANONYMOUS,
    prisma: options.prisma ?? null,
    answered: { compiled: false },
    ...(options.usePrimary ? { usePrimary: options.usePrimary } : {}),
  };
}
