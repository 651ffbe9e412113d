import { databaseTarget } from "../db/databaseTarget.js";
import { migrateTarget } from "../db/migrateTarget.js";
import { redactUrl } from "../db/redactUrl.js";

// `npm run db:migrate`: apply pending migrations to DATABASE_URL (default data/taawun.db; a
// postgres:// URL migrates that PostgreSQL database with prisma/postgres/migrations).
const target = databaseTarget();
const name = target.provider === "sqlite" ? target.file : redactUrl(target.url);
try {
  const result = await migrateTarget(target);
  if (result.indexed > 0) console.log(`${name}: indexed ${result.indexed} articles and meetings for search.`);
  console.log(
    result.applied.length === 0
      ? `${name}: up to date (${result.alreadyApplied} migrations applied before).`
      : `${name}: applied ${result.applied.join(", ")}.`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
