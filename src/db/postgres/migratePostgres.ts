import { randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { readMigrations } from "../migrate.js";
import { pendingMigrations } from "../pendingMigrations.js";
import type { MigrateResult } from "../migrate.js";

/** The PostgreSQL migrations, one folder per SQLite migration of the same name. */
export const PG_MIGRATIONS_DIR = resolve(import.meta.dirname, "../../../prisma/postgres/migrations");

/**
 * The advisory lock key Prisma's schema engine takes around `migrate deploy` on PostgreSQL, so this
 * runner and Prisma's CLI (should it ever be used on the same database) exclude each other too.
 */
export const MIGRATION_LOCK_KEY = 72707369;

// The exact table Prisma's schema engine creates for PostgreSQL (found in its
// schema_engine_bg.wasm), so `prisma migrate status` accepts a database this runner migrated.
const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/**
 * The PostgreSQL counterpart of {@link import("../migrate.js").migrate}: applies the pending
 * migrations of `dir` to the database at `url`, each in its own transaction, recording
 * `_prisma_migrations` rows with the same sha256 checksums Prisma records. We cannot use
 * `prisma migrate deploy`: through the pg driver adapter it fails ("Column type 'name' could not
 * be deserialized", prisma/orm#27403).
 *
 * The whole run holds a session advisory lock, so replicas starting together migrate once: the
 * others wait, then find everything applied. Refuses to run when an applied migration's file has
 * changed, or when a migration is recorded as started but never finished (left by another tool;
 * ours roll back), because the database would not match the schema the code expects.
 */
export async function migratePostgres(url: string, dir: string = PG_MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  // db:postgres:sync leaves a folder with only its snapshot when the SQL must be written by hand;
  // skipping it would apply the later migrations over a schema they were not written for.
  const incomplete = readdirSync(dir, { withFileTypes: true }).find((entry) => entry.isDirectory() && !existsSync(join(dir, entry.name, "migration.sql")));
  if (incomplete) {
    throw new Error(`${join(dir, incomplete.name)} has no migration.sql: write it (\`npm run db:postgres:sync\` says why), then start again.`);
  }
  const client = new pg.Client({ connectionString: url });
  // A connection the server drops also rejects the query in flight, which reports it; unheard,
  // the client's "error" event would crash the process instead.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await client.query(PRISMA_MIGRATIONS_TABLE);
      const { rows } = await client.query<{ name: string; checksum: string; finished: boolean }>(
        `SELECT migration_name AS name, checksum, finished_at IS NOT NULL AS finished
         FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
      );
      const unfinished = rows.find((row) => !row.finished);
      if (unfinished) {
        throw new Error(
          `Migration ${unfinished.name} was started on this database but never finished, so its schema is unknown. ` +
            "Check what it left behind and undo it, then mark it rolled back so it is applied again: " +
            `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${unfinished.name}' AND finished_at IS NULL;`,
        );
      }
      const applied = new Map(rows.map((row) => [row.name, row.checksum]));
      const { pending, alreadyApplied } = pendingMigrations(migrations, applied, "Restore the file, or drop and recreate the database if it holds nothing you need.");
      const result: MigrateResult = { applied: [], alreadyApplied };
      for (const migration of pending) {
        const id = randomUUID();
        await client.query("BEGIN");
        try {
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, $3, clock_timestamp(), 0)`,
            [id, migration.checksum, migration.name],
          );
          // No parameters: the simple query protocol runs the file's statements one after another.
          await client.query(migration.sql);
          await client.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK");
          throw new Error(`Migration ${migration.name} failed, and nothing of it was applied: ${(error as Error).message}`, { cause: error });
        }
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      // Should the connection have broken, the lock went with the session: keep the first error.
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
