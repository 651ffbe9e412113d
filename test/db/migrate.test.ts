import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, migrate, readMigrations } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { migratedDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

let database: TestDatabase | undefined;
afterEach(() => database?.remove());

describe("the migration runner", () => {
  it("creates every table of the Prisma schema", () => {
    database = migratedDatabase();
    const db = openDatabase(database.file);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    db.close();
    expect(tables).toEqual([
      "Actor", "ActorAlias", "ActorRedirect", "ApiKey", "Article", "ArticleTopic", "AuditLog", "Evidence", "Ingestion", "Meeting", "MeetingSource", "MeetingTopic",
      "Mention", "Participant", "Place", "Position", "Proposal",
      // The full-text index (migration *_search_index): the FTS5 table and its shadow tables.
      "SearchIndex", "SearchIndex_config", "SearchIndex_data", "SearchIndex_docsize", "SearchIndex_idx",
      "Topic", "_prisma_migrations",
    ]);
  });

  it("applies nothing the second time", () => {
    database = migratedDatabase();
    const db = openDatabase(database.file);
    expect(migrate(db)).toEqual({ applied: [], alreadyApplied: readMigrations().length });
    db.close();
  });

  it("refuses a database whose applied migration file has since changed", () => {
    database = migratedDatabase();
    const dir = mkdtempSync(join(tmpdir(), "taawun-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited`);
    const db = openDatabase(database.file);
    expect(() => migrate(db, dir)).toThrow(`Migration ${first.name} was changed after it was applied to this database.`);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("records migrations so that Prisma's own CLI sees the database as up to date", () => {
    database = migratedDatabase();
    const output = execFileSync(join(import.meta.dirname, "../../node_modules/.bin/prisma"), ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: `file:${database.file}` },
      encoding: "utf8",
    });
    expect(output).toContain("Database schema is up to date!");
  });

  it("has a migration for every change to prisma/schema.prisma", () => {
    const snapshot = join(MIGRATIONS_DIR, readMigrations().at(-1)!.name, "schema.prisma");
    const diff = execFileSync(
      join(import.meta.dirname, "../../node_modules/.bin/prisma"),
      ["migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { encoding: "utf8" },
    );
    expect(diff).toContain("This is an empty migration");
  });
});

describe("a migration that redefines a table", () => {
  it("keeps every row that references it (no cascade through the copy-drop-rename)", async () => {
    const { seededDatabase } = await import("../support/testDatabase.js");
    database = await seededDatabase();
    const dir = mkdtempSync(join(tmpdir(), "taawun-migrations-"));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    const db = openDatabase(database.file);
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const before = { Article: count("Article"), Evidence: count("Evidence"), Mention: count("Mention") };
    expect(before.Evidence).toBeGreaterThan(0);
    // The shape `prisma migrate diff` writes when a SQLite column changes in a way ALTER cannot do.
    const createSql = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Article'`).get() as { sql: string }).sql;
    const indexes = (db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Article' AND sql IS NOT NULL`).all() as { sql: string }[]).map((i) => `${i.sql};`);
    const redefine = [
      "PRAGMA defer_foreign_keys=ON;",
      "PRAGMA foreign_keys=OFF;",
      `${createSql.replace(/CREATE TABLE "Article"/, 'CREATE TABLE "new_Article"')};`,
      `INSERT INTO "new_Article" SELECT * FROM "Article";`,
      `DROP TABLE "Article";`,
      `ALTER TABLE "new_Article" RENAME TO "Article";`,
      ...indexes,
      "PRAGMA foreign_keys=ON;",
      "PRAGMA defer_foreign_keys=OFF;",
    ].join("\n");
    mkdirSync(join(dir, "99999999999999_redefine_article"));
    writeFileSync(join(dir, "99999999999999_redefine_article", "migration.sql"), redefine);
    expect(migrate(db, dir).applied).toEqual(["99999999999999_redefine_article"]);
    expect({ Article: count("Article"), Evidence: count("Evidence"), Mention: count("Mention") }).toEqual(before);
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
