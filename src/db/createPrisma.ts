import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { withSearchColumns } from "../search/withSearchColumns.js";
import type { DatabaseTarget } from "./databaseTarget.js";
import { createPostgresPrisma } from "./postgres/createPostgresPrisma.js";
import { tagPrismaDialect } from "./prismaDialect.js";

/**
 * Prisma over the record's database through a driver adapter (no native engine): the embedded
 * SQLite file (a path, or a sqlite target) or PostgreSQL. Either way it writes the full-text
 * index's normalised shadow columns with every article and meeting write.
 */
export function createPrisma(target: DatabaseTarget | string): PrismaClient {
  const where: DatabaseTarget = typeof target === "string" ? { provider: "sqlite", file: target } : target;
  if (where.provider === "postgres") return tagPrismaDialect(withSearchColumns(createPostgresPrisma(where.url)), "postgres");
  return tagPrismaDialect(withSearchColumns(new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: where.file }) })), "sqlite");
}
