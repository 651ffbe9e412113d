import type { Database, Statement } from "better-sqlite3";

/** Which SQL the reader speaks; the few statements that differ choose by it. */
export type Dialect = "sqlite" | "postgres";

/**
 * The read path's view of the database: statements written once in SQLite's dialect (PostgreSQL's
 * reader translates them, see toPostgresSql), counted per request. Asynchronous because
 * PostgreSQL's driver is; SQLite answers synchronously inside the promise.
 */
export interface SqlReader {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
}

/**
 * Prepared-statement cache over one SQLite connection. Preparing costs more than running a small
 * indexed query, and the API issues a bounded set of SQL shapes, so every shape is prepared once.
 */
export class Sql implements SqlReader {
  readonly dialect = "sqlite";
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params) as T[];
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/**
 * Counts and records the statements one request runs, so tests can prove nested queries stay
 * batched (no N+1) and logs can report cost per operation.
 */
export class CountingSql implements SqlReader {
  readonly statements: string[] = [];

  constructor(private readonly inner: SqlReader) {}

  get dialect(): Dialect {
    return this.inner.dialect;
  }

  get count(): number {
    return this.statements.length;
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    this.statements.push(sql);
    return this.inner.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    this.statements.push(sql);
    return this.inner.get<T>(sql, params);
  }
}
