import { databaseFile } from "../db/databaseUrl.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/openDatabase.js";
import { tableCounts } from "../db/tableCounts.js";
import { seedDatabase } from "../seed/seedDatabase.js";
import { progressLine } from "./progressLine.js";

// `npm run db:seed`: verify the curated record, then write it in one transaction (idempotent).
const file = databaseFile();
try {
  const db = openDatabase(file);
  migrate(db);
  db.close();
  await seedDatabase(file, { progress: progressLine() });
  const after = openDatabase(file, { readonly: true });
  console.log(`${file}: seeded.`, tableCounts(after));
  after.close();
} catch (error) {
  console.error((error as Error).message);
  console.error("Nothing was written. Fix the record under seeds/record/ and run `npm run db:seed` again.");
  process.exitCode = 1;
}
