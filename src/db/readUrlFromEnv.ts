import type { DatabaseTarget } from "./databaseTarget.js";

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/**
 * `DATABASE_READ_URL`: a PostgreSQL read replica for the read pool, or undefined when unset. Checked
 * before anything starts, so a typo stops `npm start` with the variable's name instead of serving
 * every read from somewhere unexpected.
 */
export function readUrlFromEnv(target: DatabaseTarget, value: string | undefined = process.env.DATABASE_READ_URL): string | undefined {
  if (value === undefined || value === "") return undefined;
  if (!POSTGRES_URL.test(value)) throw new Error("DATABASE_READ_URL must be a postgres:// URL of a read replica of the database DATABASE_URL names.");
  if (target.provider !== "postgres") throw new Error("DATABASE_READ_URL names a PostgreSQL read replica; it needs DATABASE_URL to be PostgreSQL too.");
  return value;
}
