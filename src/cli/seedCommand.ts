import { databaseTarget } from "../db/databaseTarget.js";
import { migrateTarget } from "../db/migrateTarget.js";
import { openReader } from "../db/openReader.js";
import { redactUrl } from "../db/redactUrl.js";
import { tableCountsOf } from "../db/tableCounts.js";
import { seedDatabase } from "../seed/seedDatabase.js";
import { progressLine } from "./progressLine.js";

// `npm run db:seed`: verify the curated record, then write it in one transaction (idempotent).
const target = databaseTarget();
const name = target.provider === "sqlite" ? target.file : redactUrl(target.url);
try {
  await migrateTarget(target);
  await seedDatabase(target, { progress: progressLine() });
  const reader = openReader(target, { readonly: true, poolSize: 1 });
  console.log(`${name}: seeded.`, await tableCountsOf(reader.sql));
  await reader.close();
} catch (error) {
  console.error((error as Error).message);
  console.error("Nothing was written. Fix the record under seeds/record/ and run `npm run db:seed` again.");
  process.exitCode = 1;
}
