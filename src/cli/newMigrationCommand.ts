import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { MIGRATIONS_DIR, latestSchemaSnapshot } from "../db/migrate.js";
import { syncPostgresMigrations } from "../db/postgres/syncPostgresMigrations.js";
import { EMPTY_MIGRATION, prismaMigrateDiff } from "../db/prismaMigrateDiff.js";

// `npm run db:migration:new -- <name>`: write the SQL that takes databases from the schema of the
// latest migration (its `schema.prisma` snapshot) to prisma/schema.prisma, for SQLite and, in a
// folder of the same name under prisma/postgres/migrations, for PostgreSQL. `prisma migrate dev`
// needs a shadow database and the native engine; a diff between two datamodels runs offline.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(1);
}
const sql = prismaMigrateDiff(latestSchemaSnapshot(), "prisma/schema.prisma");
if (EMPTY_MIGRATION.test(sql)) {
  console.log("prisma/schema.prisma matches the latest migration: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  copyFileSync("prisma/schema.prisma", join(dir, "schema.prisma"));
  console.log(`Wrote ${relative(process.cwd(), dir)}/migration.sql (and the schema snapshot beside it).`);
  try {
    // Writes the PostgreSQL twin of the folder above (same name) from the PostgreSQL snapshots.
    const { written } = syncPostgresMigrations();
    console.log(`Wrote ${written.join(", ")}.`);
    console.log("Review both migration.sql files, then run `npm run db:migrate`; regenerate the Prisma clients with `npx prisma generate && npx prisma generate --config prisma/postgres/prisma.config.ts`.");
  } catch (error) {
    console.error(`The SQLite migration is written, but not its PostgreSQL twin:\n${(error as Error).message}`);
    process.exitCode = 1;
  }
}
