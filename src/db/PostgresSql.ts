import pg from "pg";
import type { Dialect, SqlReader } from "./Sql.js";
import { toPostgresSql } from "./toPostgresSql.js";

/**
 * Result parsing for the read path: PostgreSQL's `COUNT(*)` is a bigint, which `pg` returns as a
 * string to stay exact; the read path's counts and ids are far below 2^53, and SQLite returns
 * numbers, so both readers hand resolvers the same row shapes. Scoped to this pool: Prisma's
 * adapter keeps its own parsers.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * The read path over PostgreSQL: a connection pool, each statement translated once from the
 * SQLite dialect (toPostgresSql) and run as a named prepared statement, so every connection
 * plans each shape once, as better-sqlite3's statement cache does for SQLite.
 */
export class PostgresSql implements SqlReader {
  readonly dialect: Dialect = "postgres";
  private readonly statements = new Map<string, { name: string; text: string }>();

  constructor(readonly pool: pg.Pool) {}

  static connect(url: string, options: { max?: number } = {}): PostgresSql {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
    // An idle pooled connection the server ends (restart, failover, a dropped database) emits
    // 'error' on the pool; unhandled, that would end the process. The pool has already discarded
    // the connection and opens a new one for the next statement, so there is nothing else to do.
    pool.on("error", () => {});
    return new PostgresSql(pool);
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const { name, text } = this.statement(sql);
    const result = await this.pool.query({ name, text, values: params as unknown[] });
    return result.rows as T[];
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private statement(sql: string): { name: string; text: string } {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = { name: `taawun_${this.statements.size + 1}`, text: toPostgresSql(sql) };
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
