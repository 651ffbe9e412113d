import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readMigrations } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { createDatabaseIfMissing } from "../../src/db/postgres/createDatabaseIfMissing.js";
import { createPostgresPrisma } from "../../src/db/postgres/createPostgresPrisma.js";
import { migratePostgres, PG_MIGRATIONS_DIR } from "../../src/db/postgres/migratePostgres.js";
import { createPostgresDatabase, describeIfPostgres } from "../support/postgres.js";
import type { PostgresTestDatabase } from "../support/postgres.js";
import { migratedDatabase } from "../support/testDatabase.js";

const NAMES = readMigrations(PG_MIGRATIONS_DIR).map((migration) => migration.name);
const PRISMA = join(import.meta.dirname, "../../node_modules/.bin/prisma");

async function query<Row extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<Row>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<Row>(sql, params);
  } finally {
    await client.end();
  }
}

/** A copy of the PostgreSQL migrations to tamper with. */
function migrationsCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), "taawun-pg-migrations-"));
  cpSync(PG_MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describeIfPostgres("the PostgreSQL migration runner", () => {
  const databases: PostgresTestDatabase[] = [];
  const fresh = async () => {
    const database = await createPostgresDatabase();
    databases.push(database);
    return database.url;
  };
  let url: string;
  let firstRun: Awaited<ReturnType<typeof migratePostgres>>;

  beforeAll(async () => {
    url = await fresh();
    firstRun = await migratePostgres(url);
  });
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it("applies every migration to a fresh database, in order", () => {
    expect(firstRun).toEqual({ applied: NAMES, alreadyApplied: 0 });
  });

  it("creates the SQLite schema's tables with the same camelCase columns, in the same order", async () => {
    const sqlite = migratedDatabase();
    const db = openDatabase(sqlite.file);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'SearchIndex%' AND name != '_prisma_migrations' ORDER BY name`).all() as { name: string }[]
    ).map((table) => table.name);
    const sqliteColumns = Object.fromEntries(tables.map((table) => [table, (db.pragma(`table_info("${table}")`) as { name: string }[]).map((column) => column.name)]));
    db.close();
    sqlite.remove();

    const { rows } = await query<{ table: string; columns: string[] }>(
      url,
      `SELECT table_name AS table, array_agg(column_name::text ORDER BY ordinal_position) AS columns
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ANY($1) GROUP BY table_name`,
      [tables],
    );
    expect(Object.fromEntries(rows.map((row) => [row.table, row.columns]))).toEqual(sqliteColumns);
    // The read path's `SELECT *` hands rows over as they come: the keys must be the camelCase names.
    const { fields } = await query(url, `SELECT * FROM "Article" LIMIT 0`);
    expect(fields.map((field) => field.name)).toEqual(sqliteColumns.Article);
  });

  it("applies nothing the second time", async () => {
    expect(await migratePostgres(url)).toEqual({ applied: [], alreadyApplied: NAMES.length });
  });

  it("records migrations so that Prisma's own CLI sees the database as up to date", async () => {
    // `prisma migrate status` works through the pg adapter (only `migrate deploy` is broken: prisma/orm#27403).
    const { stdout } = await promisify(execFile)(PRISMA, ["migrate", "status", "--config", "prisma/postgres/prisma.config.ts"], {
      cwd: join(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
    });
    expect(stdout).toContain(`${NAMES.length} migrations found`);
    expect(stdout).toContain("Database schema is up to date!");
  });

  it("migrates once when replicas start together", async () => {
    const shared = await fresh();
    const results = await Promise.all([1, 2, 3, 4].map(() => migratePostgres(shared)));
    expect(results.flatMap((result) => result.applied).sort()).toEqual(NAMES);
    for (const result of results) expect(result.applied.length + result.alreadyApplied).toBe(NAMES.length);
    const { rows } = await query<{ name: string; n: number }>(shared, `SELECT migration_name AS name, COUNT(*)::int AS n FROM "_prisma_migrations" GROUP BY migration_name ORDER BY migration_name`);
    expect(rows).toEqual(NAMES.map((name) => ({ name, n: 1 })));
  });

  it("refuses a database whose applied migration file has since changed", async () => {
    const dir = migrationsCopy();
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited`);
    await expect(migratePostgres(url, dir)).rejects.toThrow(`Migration ${first.name} was changed after it was applied to this database.`);
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a database where a migration was started and never finished", async () => {
    const broken = await fresh();
    await migratePostgres(broken);
    await query(broken, `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-0000-0000-000000000000', 'x', '99999999999999_half_done')`);
    await expect(migratePostgres(broken)).rejects.toThrow("Migration 99999999999999_half_done was started on this database but never finished");
  });

  it("refuses to skip a migration folder that has no migration.sql yet", async () => {
    const dir = migrationsCopy();
    mkdirSync(join(dir, "99999999999999_hand_written"));
    await expect(migratePostgres(url, dir)).rejects.toThrow(/99999999999999_hand_written has no migration\.sql: write it/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("rolls a failing migration back whole, recording nothing", async () => {
    const dir = migrationsCopy();
    mkdirSync(join(dir, "99999999999999_fails"));
    writeFileSync(join(dir, "99999999999999_fails", "migration.sql"), `CREATE TABLE "Half" (id INTEGER);\nSELECT 1 / 0;\n`);
    await expect(migratePostgres(url, dir)).rejects.toThrow("Migration 99999999999999_fails failed, and nothing of it was applied: division by zero");
    const { rows } = await query<{ half: string | null; recorded: number }>(
      url,
      `SELECT to_regclass('"Half"')::text AS half, (SELECT COUNT(*)::int FROM "_prisma_migrations" WHERE migration_name = '99999999999999_fails') AS recorded`,
    );
    expect(rows).toEqual([{ half: null, recorded: 0 }]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates a missing database with byte-order collation, and leaves an existing one alone", async () => {
    const database = await createPostgresDatabase(); // through createDatabaseIfMissing
    databases.push(database);
    expect(await createDatabaseIfMissing(database.url)).toBe(false);
    const { rows } = await query<{ collate: string; ctype: string }>(
      database.url,
      `SELECT datcollate AS collate, datctype AS ctype FROM pg_database WHERE datname = current_database()`,
    );
    expect(rows).toEqual([{ collate: "C", ctype: "C.UTF-8" }]);
    const sorted = await query<{ s: string }>(database.url, `SELECT s FROM unnest(ARRAY['b', 'é', 'B', 'a', 'Z']) AS s ORDER BY s`);
    expect(sorted.rows.map((row) => row.s)).toEqual(["B", "Z", "a", "b", "é"]);
  });

  it("gives a Prisma client (the PostgreSQL one) that writes and reads the record", async () => {
    const prisma = createPostgresPrisma(url);
    try {
      const created = await prisma.actor.create({
        data: { slug: "nato", kind: "INTERNATIONAL_ORGANISATION", nameAr: "حلف شمال الأطلسي", nameEn: "NATO", searchText: "حلف شمال الاطلسي\nnato" },
      });
      const read = await prisma.actor.findUnique({ where: { slug: "nato" }, include: { aliases: true } });
      expect(read).toEqual({ ...created, aliases: [] });
      expect(read).toMatchObject({ nameAr: "حلف شمال الأطلسي", affiliationId: null });
    } finally {
      await prisma.$disconnect();
    }
  });
});
