import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Database } from "better-sqlite3";
import { pendingMigrations } from "./pendingMigrations.js";

/** Where `prisma migrate diff` output lives, one folder per migration. */
export const MIGRATIONS_DIR = resolve(import.meta.dirname, "../../prisma/migrations");

/** One migration as Prisma lays it out: `<timestamp>_<name>/migration.sql`. */
export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads the migrations in the order Prisma applies them (folder names sort by timestamp). */
export function readMigrations(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The exact table Prisma's schema engine creates for SQLite, so `prisma migrate status` and
// `prisma migrate deploy` accept a database this runner migrated.
const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** What {@link migrate} did. */
export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies pending migrations, each in its own transaction, recording `_prisma_migrations` rows
 * the way Prisma does. We do not shell out to `prisma migrate deploy`: it costs a second of CLI
 * start-up on every `npm start` and test file, and the same runner serves PostgreSQL, where
 * Prisma's deploy through the pg adapter is broken (prisma/orm#27403).
 *
 * Refuses to run when an applied migration's file has changed, as Prisma does, because the
 * database would no longer match the schema the code was written for.
 */
export function migrate(db: Database, dir: string = MIGRATIONS_DIR): MigrateResult {
  db.exec(PRISMA_MIGRATIONS_TABLE);
  const applied = new Map(
    (
      db
        .prepare(
          `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
           WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all() as { name: string; checksum: string }[]
    ).map((row) => [row.name, row.checksum]),
  );
  const { pending, alreadyApplied } = pendingMigrations(readMigrations(dir), applied, "Restore the file, or run `npm run db:reset` to rebuild a development database.");
  const result: MigrateResult = { applied: [], alreadyApplied };
  for (const migration of pending) {
    const id = randomUUID();
    const now = () => new Date().toISOString();
    // Prisma redefines a SQLite table by copying it, dropping the original and renaming the copy,
    // with `PRAGMA foreign_keys=OFF` around it. That pragma is a no-op inside a transaction, so
    // the DROP would cascade and delete every row that references the table (Evidence, Mention…).
    // Foreign keys go off outside the transaction, and are checked before it commits instead.
    const enforced = db.pragma("foreign_keys", { simple: true }) === 1;
    db.pragma("foreign_keys = OFF");
    try {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, 0)`,
        ).run(id, migration.checksum, migration.name, now());
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length > 0) {
          const first = broken[0]!;
          throw new Error(
            `Migration ${migration.name} would leave ${broken.length} rows pointing at missing rows (first: ${first.table} → ${first.parent}); nothing was applied.`,
          );
        }
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(now(), id);
      })();
    } finally {
      if (enforced) db.pragma("foreign_keys = ON");
    }
    result.applied.push(migration.name);
  }
  return result;
}

/**
 * The schema the latest migration produces, kept beside its SQL as `schema.prisma`, so the next
 * migration is a datamodel-to-datamodel diff (offline) rather than `migrate dev`.
 */
export function latestSchemaSnapshot(dir: string = MIGRATIONS_DIR): string | null {
  const latest = readMigrations(dir).at(-1);
  if (!latest) return null;
  const snapshot = join(dir, latest.name, "schema.prisma");
  return existsSync(snapshot) ? snapshot : null;
}
