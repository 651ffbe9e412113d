import { databaseFile } from "./databaseUrl.js";

/** Where the record lives: the embedded SQLite file (default) or a PostgreSQL server. */
export type DatabaseTarget = { provider: "sqlite"; file: string } | { provider: "postgres"; url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//;

/** The database `DATABASE_URL` names: `postgres://…` / `postgresql://…`, else a SQLite file. */
export function databaseTarget(url: string | undefined = process.env.DATABASE_URL): DatabaseTarget {
  if (url && POSTGRES_URL.test(url)) return { provider: "postgres", url };
  return { provider: "sqlite", file: databaseFile(url) };
}
