import BetterSqlite3 from "better-sqlite3";
import type { Database } from "better-sqlite3";

/**
 * Opens the SQLite file with the pragmas a server wants. Prisma's adapter sets none, so readers
 * would otherwise block writers (rollback journal) and fsync every commit.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Database {
  const db = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  if (!options.readonly) db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("cache_size = -65536");
  return db;
}
