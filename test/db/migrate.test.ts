import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
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
      "Actor", "ActorAlias", "Article", "ArticleTopic", "Evidence", "Meeting", "MeetingSource", "MeetingTopic",
      "Mention", "Participant", "Place", "Position", "Topic", "_prisma_migrations",
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
