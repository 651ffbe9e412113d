import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Prisma as SqlitePrisma } from "../../src/generated/prisma/client.js";
import type { Prisma as PostgresPrisma } from "../../src/generated/prisma-postgres/client.js";
import { MIGRATIONS_DIR, readMigrations } from "../../src/db/migrate.js";
import { PG_MIGRATIONS_DIR } from "../../src/db/postgres/migratePostgres.js";
import { POSTGRES_SCHEMA_FILE, SQLITE_SCHEMA_FILE, syncPostgresMigrations } from "../../src/db/postgres/syncPostgresMigrations.js";
import { toPostgresSchema } from "../../src/db/postgres/toPostgresSchema.js";

// No server needed: these keep prisma/postgres/ in step with prisma/.
const REGENERATE = "run `npm run db:postgres:sync` and commit prisma/postgres/";
const read = (file: string) => readFileSync(file, "utf8");
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

// Compile-time (tsc fails here otherwise): for every model and operation, the arguments the SQLite
// client accepts are accepted by the PostgreSQL client, and what the PostgreSQL client returns is
// what the SQLite client returns. That is what makes createPostgresPrisma's cast sound. (Whole
// delegates cannot be compared: tsc does not relate the generic conditional result types of two
// separately generated modules.)
type SqliteModels = SqlitePrisma.TypeMap["model"];
type PostgresModels = PostgresPrisma.TypeMap["model"];
type Operations<Map, Part extends "args" | "result"> = {
  [M in keyof Map]: { [O in keyof (Map[M] & { operations: object })["operations"]]: ((Map[M] & { operations: Record<O, Record<Part, unknown>> })["operations"][O])[Part] };
};
const argumentsFit = (args: Operations<SqliteModels, "args">): Operations<PostgresModels, "args"> => args;
const resultsFit = (results: Operations<PostgresModels, "result">): Operations<SqliteModels, "result"> => results;
void [argumentsFit, resultsFit];

describe("the PostgreSQL schema", () => {
  it("is prisma/schema.prisma translated by toPostgresSchema", () => {
    const expected = toPostgresSchema(read(SQLITE_SCHEMA_FILE));
    expect(read(POSTGRES_SCHEMA_FILE) === expected, `prisma/postgres/schema.prisma is stale: ${REGENERATE}.`).toBe(true);
  });

  it("keeps every model and field as they are, changing only the datasource and the client's output", () => {
    const sqlite = read(SQLITE_SCHEMA_FILE);
    const postgres = toPostgresSchema(sqlite);
    const models = (text: string) => text.slice(text.indexOf("\nmodel "));
    expect(models(postgres)).toBe(models(sqlite));
    expect(postgres).toContain('provider = "postgresql"');
    expect(postgres).toContain('output          = "../../src/generated/prisma-postgres"');
    expect(postgres).not.toContain("sqlite");
    expect(postgres).not.toMatch(/@map\b/);
  });

  it("refuses a schema it does not know how to translate", () => {
    const sqlite = read(SQLITE_SCHEMA_FILE);
    expect(() => toPostgresSchema(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow('Expected `provider = "sqlite"`');
    expect(() => toPostgresSchema(`${sqlite}\ndatasource other {\n  provider = "sqlite"\n  url = "file:x"\n}\n`)).toThrow(
      "Expected one datasource and one generator block",
    );
  });
});

describe("the PostgreSQL migrations", () => {
  it("have a folder, with a migration.sql, for each SQLite migration, of the same name", () => {
    const sqlite = readMigrations(MIGRATIONS_DIR).map((migration) => migration.name);
    expect(folders(PG_MIGRATIONS_DIR), `prisma/postgres/migrations differs from prisma/migrations: ${REGENERATE}.`).toEqual(sqlite);
    for (const name of sqlite) {
      expect(existsSync(join(PG_MIGRATIONS_DIR, name, "migration.sql")), `prisma/postgres/migrations/${name}/migration.sql is missing: ${REGENERATE}.`).toBe(true);
    }
  });

  it("keep, beside each, the PostgreSQL version of the SQLite schema snapshot", () => {
    for (const { name } of readMigrations(MIGRATIONS_DIR)) {
      const expected = toPostgresSchema(read(join(MIGRATIONS_DIR, name, "schema.prisma")));
      const snapshot = join(PG_MIGRATIONS_DIR, name, "schema.prisma");
      expect(existsSync(snapshot) && read(snapshot) === expected, `prisma/postgres/migrations/${name}/schema.prisma is stale: ${REGENERATE}.`).toBe(true);
    }
  });

  it("are locked to the postgresql provider", () => {
    expect(read(join(PG_MIGRATIONS_DIR, "migration_lock.toml"))).toMatch(/^provider = "postgresql"$/m);
  });
});

describe("npm run db:postgres:sync", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** Copies of prisma/ for the sync to write into. */
  function copies() {
    dir = mkdtempSync(join(tmpdir(), "taawun-pg-sync-"));
    cpSync(MIGRATIONS_DIR, join(dir, "migrations"), { recursive: true });
    cpSync(PG_MIGRATIONS_DIR, join(dir, "postgres-migrations"), { recursive: true });
    cpSync(POSTGRES_SCHEMA_FILE, join(dir, "postgres-schema.prisma"));
    return {
      sqliteSchema: SQLITE_SCHEMA_FILE,
      sqliteMigrations: join(dir, "migrations"),
      postgresSchema: join(dir, "postgres-schema.prisma"),
      postgresMigrations: join(dir, "postgres-migrations"),
    };
  }

  it("writes nothing when prisma/postgres/ is in step", () => {
    expect(syncPostgresMigrations(copies())).toEqual({ written: [], review: [] });
  });

  it("generates a missing migration from the snapshots, and never rewrites an existing one", () => {
    const paths = copies();
    const migrations = readMigrations(paths.postgresMigrations);
    // actor_redirects is all generated (later ones append hand-written triggers to the diff).
    const [first, last] = [migrations[0]!, migrations.find((m) => m.name.endsWith("_actor_redirects"))!];
    rmSync(join(paths.postgresMigrations, last.name, "migration.sql"));
    writeFileSync(join(paths.postgresMigrations, first.name, "migration.sql"), `${first.sql}\n-- edited`);
    const { written } = syncPostgresMigrations(paths);
    expect(written).toEqual([expect.stringMatching(new RegExp(`${last.name}/migration\\.sql$`))]);
    expect(read(join(paths.postgresMigrations, last.name, "migration.sql"))).toBe(last.sql);
    expect(read(join(paths.postgresMigrations, first.name, "migration.sql"))).toBe(`${first.sql}\n-- edited`);
  });

  it("names the folder whose hand-written PostgreSQL twin is missing", () => {
    const paths = copies();
    // 20261123070000_search_index changes no model: FTS5 and triggers, written by hand.
    rmSync(join(paths.postgresMigrations, "20261123070000_search_index", "migration.sql"));
    expect(() => syncPostgresMigrations(paths)).toThrow(/20261123070000_search_index\/migration\.sql is missing\. .*write the PostgreSQL equivalent there by hand/);
  });
});
