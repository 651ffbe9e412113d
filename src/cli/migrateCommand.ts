import { databaseFile } from "../db/databaseUrl.js";
import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/openDatabase.js";
import { fillSearchColumns } from "../search/fillSearchColumns.js";

// `npm run db:migrate`: apply pending migrations to DATABASE_URL (default data/taawun.db).
const file = databaseFile();
const db = openDatabase(file);
try {
  const result = migrate(db);
  // Rows written before the search index existed get their normalised text (and so are indexed).
  const indexed = fillSearchColumns(db);
  if (indexed > 0) console.log(`${file}: indexed ${indexed} articles and meetings for search.`);
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
