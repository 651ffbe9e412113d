import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { withSearchColumns } from "../search/withSearchColumns.js";

/**
 * Prisma over the embedded SQLite file, through the driver adapter (no native engine), writing the
 * full-text index's normalised shadow columns with every article and meeting write.
 */
export function createPrisma(file: string): PrismaClient {
  return withSearchColumns(new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) }));
}
