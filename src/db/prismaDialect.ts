import type { PrismaClient } from "../generated/prisma/client.js";
import type { Dialect } from "./Sql.js";

// Both providers' clients share one TypeScript type (the PostgreSQL client is generated from the
// same models), so the few write-path statements that differ ask the client which database it
// talks to. Kept beside the client rather than in a global: tests open both kinds in one process.
const dialects = new WeakMap<object, Dialect>();

/** Records which database a client writes to; returns the client. */
export function tagPrismaDialect(prisma: PrismaClient, dialect: Dialect): PrismaClient {
  dialects.set(prisma, dialect);
  return prisma;
}

/** The database a client (made by createPrisma) writes to; SQLite when untagged. */
export function prismaDialect(prisma: PrismaClient): Dialect {
  return dialects.get(prisma) ?? "sqlite";
}
