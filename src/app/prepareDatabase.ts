import type { DatabaseTarget } from "../db/databaseTarget.js";
import { migrateTarget } from "../db/migrateTarget.js";
import { openReader } from "../db/openReader.js";
import { seedDatabase } from "../seed/seedDatabase.js";
import type { Progress } from "../seed/writeSeed.js";
import type { Logger } from "../server/logger.js";

/**
 * What `npm start` does before serving: apply pending migrations, and seed the curated record
 * when the database holds no article yet (a database with data is never re-seeded implicitly).
 */
export async function prepareDatabase(target: DatabaseTarget | string, logger: Logger, progress?: Progress): Promise<void> {
  const where: DatabaseTarget = typeof target === "string" ? { provider: "sqlite", file: target } : target;
  const result = await migrateTarget(where);
  if (result.applied.length > 0) logger.info("migrations applied", { migrations: result.applied });
  // Rows written before the search index existed get their normalised text (and so are indexed).
  if (result.indexed > 0) logger.info("search index filled", { rows: result.indexed });
  const reader = openReader(where, { poolSize: 1 });
  let empty: boolean;
  try {
    empty = (await reader.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "Article"`))!.n === 0;
  } finally {
    await reader.close();
  }
  if (empty) {
    const plan = await seedDatabase(where, progress ? { progress } : {});
    logger.info("seeded the curated record", { articles: plan.articles.length, actors: plan.actors.length, meetings: plan.meetings.length });
  }
}
