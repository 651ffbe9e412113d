import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MIGRATIONS_DIR, latestSchemaSnapshot } from "../db/migrate.js";

// `npm run db:migration:new -- <name>`: write the SQL that takes databases from the schema of the
// latest migration (its `schema.prisma` snapshot) to prisma/schema.prisma. `prisma migrate dev`
// needs a shadow database and the native engine; a diff between two datamodels runs offline.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(1);
}
const prisma = join(import.meta.dirname, "../../node_modules/.bin/prisma");
const previous = latestSchemaSnapshot();
const args = previous
  ? ["migrate", "diff", "--from-schema-datamodel", previous, "--to-schema-datamodel", "prisma/schema.prisma", "--script"]
  : ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"];
const sql = execFileSync(prisma, args, { encoding: "utf8" });
if (/This is an empty migration/.test(sql)) {
  console.log("prisma/schema.prisma matches the latest migration: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  copyFileSync("prisma/schema.prisma", join(dir, "schema.prisma"));
  console.log(`Wrote ${dir}/migration.sql (and the schema snapshot beside it). Review it, then run \`npm run db:migrate\`.`);
}
