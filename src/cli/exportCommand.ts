import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { databaseFile } from "../db/databaseUrl.js";
import { openDatabase } from "../db/openDatabase.js";
import { stepProgress } from "../export/progress.js";
import { writeExport } from "../export/writeExport.js";

// `npm run export -- [file]`: the whole record, with its evidence, as JSON Lines (default
// data/export-<time>.jsonl). Reads one snapshot; the server may keep running.
const file = databaseFile();
const out = resolve(process.argv[2] ?? `data/export-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}.jsonl`);
if (!existsSync(file)) {
  console.error(`No database at ${file}. Set DATABASE_URL to the database to export, or run \`npm start\` once to create one.`);
  process.exit(1);
}
const db = openDatabase(file, { readonly: true });
try {
  const counts = await writeExport(db, out, stepProgress("export"));
  console.log(`Wrote ${out}:`, counts);
  console.log(`Restore it into an empty database with: DATABASE_URL=file:<new.db> npm run import -- ${out}`);
} catch (error) {
  console.error(`Export failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  db.close();
}
