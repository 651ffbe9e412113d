import { databaseFile } from "../db/databaseUrl.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/openDatabase.js";

// `npm run db:migrate`: apply pending migrations to DATABASE_URL (default data/taawun.db).
const file = databaseFile();
const db = openDatabase(file);
try {
  const result = migrate(db);
  console.log(
    result.applied.length === 0
      ? `${file}: up to date (${result.alreadyApplied} migrations applied before).`
      : `${file}: applied ${result.applied.join(", ")}.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  db.close();
}
