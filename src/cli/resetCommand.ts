import { rmSync } from "node:fs";
import { databaseFile } from "../db/databaseUrl.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/openDatabase.js";
import { seedDatabase } from "../seed/seedDatabase.js";
import { progressLine } from "./progressLine.js";

// `npm run db:reset`: delete the database file, migrate and seed afresh. Development only.
const file = databaseFile();
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
try {
  const db = openDatabase(file);
  const result = migrate(db);
  db.close();
  await seedDatabase(file, { progress: progressLine() });
  console.log(`${file}: rebuilt from ${result.applied.length} migrations and seeded.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
