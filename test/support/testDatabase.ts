import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrate } from "../../src/db/migrate.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { seedDatabase } from "../../src/seed/seedDatabase.js";

/** A real SQLite file in a temporary directory, built from the migrations. */
export interface TestDatabase {
  file: string;
  dir: string;
  remove(): void;
}

/** A migrated, empty database. */
export function migratedDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), "taawun-test-"));
  const file = join(dir, "test.db");
  const db = openDatabase(file);
  migrate(db);
  db.close();
  return { file, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated database holding the curated seed record. */
export async function seededDatabase(): Promise<TestDatabase> {
  const database = migratedDatabase();
  await seedDatabase(database.file);
  return database;
}
