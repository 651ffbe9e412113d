import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/openDatabase.js";

/**
 * A copy of the SQLite corpus brought to the current SQLite schema, and how to delete it. The
 * corpus file may predate migrations added since it was generated (its columns would then be
 * missing from the copy into PostgreSQL, which would fill them with defaults rather than the
 * values the SQLite migration computes); migrating a copy leaves the file the SQLite targets load
 * untouched.
 */
export async function migratedCorpusCopy(file: string): Promise<{ file: string; applied: string[]; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "bench-pg-corpus-"));
  const copy = join(dir, "corpus.db");
  try {
    // The online backup API, not a file copy: consistent even if the corpus has a WAL.
    const source = new BetterSqlite3(file, { readonly: true });
    try {
      await source.backup(copy);
    } finally {
      source.close();
    }
    const db = openDatabase(copy);
    try {
      return { file: copy, applied: migrate(db).applied, remove: () => rmSync(dir, { recursive: true, force: true }) };
    } finally {
      db.close();
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Migrating a copy of ${file} to the current SQLite schema failed: ${(error as Error).message}`, { cause: error });
  }
}
