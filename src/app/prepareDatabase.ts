import { migrate } from "../db/migrate.js";
import { openDatabase } from "../db/openDatabase.js";
import { fillSearchColumns } from "../search/fillSearchColumns.js";
import { seedDatabase } from "../seed/seedDatabase.js";
import type { Progress } from "../seed/writeSeed.js";
import type { Logger } from "../server/logger.js";

/**
 * What `npm start` does before serving: apply pending migrations, and seed the curated record
 * when the database holds no article yet (a database with data is never re-seeded implicitly).
 */
export async function prepareDatabase(file: string, logger: Logger, progress?: Progress): Promise<void> {
  const db = openDatabase(file);
  let empty: boolean;
  try {
    const result = migrate(db);
    if (result.applied.length > 0) logger.info("migrations applied", { migrations: result.applied });
    // Rows written before the search index existed get their normalised text (and so are indexed).
    const indexed = fillSearchColumns(db);
    if (indexed > 0) logger.info("search index filled", { rows: indexed });
    empty = (db.prepare(`SELECT COUNT(*) AS n FROM "Article"`).get() as { n: number }).n === 0;
  } finally {
    db.close();
  }
  if (empty) {
    const plan = await seedDatabase(file, progress ? { progress } : {});
    logger.info("seeded the curated record", { articles: plan.articles.length, actors: plan.actors.length, meetings: plan.meetings.length });
  }
}
