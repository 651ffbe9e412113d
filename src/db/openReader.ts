import type { DatabaseTarget } from "./databaseTarget.js";
import { openDatabase } from "./openDatabase.js";
import { PostgresSql } from "./PostgresSql.js";
import { Sql } from "./Sql.js";
import type { SqlReader } from "./Sql.js";

/** The read path's connection to a database, and how to close it. */
export interface Reader {
  sql: SqlReader;
  close(): Promise<void>;
}

/**
 * The read connection for a target: one better-sqlite3 connection (reads are synchronous and
 * fast; Prisma writes on its own), or a pg pool (`max` connections; PostgreSQL serves a request's
 * statements concurrently, so a pool is what lets one process use the server's cores).
 */
export function openReader(target: DatabaseTarget, options: { readonly?: boolean; poolSize?: number } = {}): Reader {
  if (target.provider === "postgres") {
    const sql = PostgresSql.connect(target.url, { max: options.poolSize ?? 10 });
    return { sql, close: () => sql.close() };
  }
  const db = openDatabase(target.file, options.readonly ? { readonly: true } : {});
  return {
    sql: new Sql(db),
    close: async () => {
      db.close();
    },
  };
}
