import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";

/** Prisma over the embedded SQLite file, through the driver adapter (no native engine). */
export function createPrisma(file: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
}
