import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readMigrations } from "../../src/db/migrate.js";
import { PG_MIGRATIONS_DIR } from "../../src/db/postgres/migratePostgres.js";

/**
 * The statements that fill "SearchIndex" from the rows already there, taken from the PostgreSQL
 * migration that creates it (its last statements), so a bulk load that ran with the index's
 * triggers off builds exactly the documents the triggers would have written. Read from the file
 * rather than copied here so the two cannot drift apart.
 */
export function searchIndexFill(dir: string = PG_MIGRATIONS_DIR): { migration: string; statements: string[] } {
  for (const { name } of readMigrations(dir)) {
    const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
    const statements = sql.match(/^INSERT INTO "SearchIndex"[^;]*;/gm);
    if (statements) return { migration: name, statements };
  }
  throw new Error(`no PostgreSQL migration in ${dir} fills "SearchIndex" (INSERT INTO "SearchIndex" … SELECT): cannot rebuild the index after the bulk load`);
}
