import type { Database, Statement } from "better-sqlite3";

/** The read path's view of the database: prepared statements, counted per request. */
export interface SqlReader {
  all<T>(sql: string, params?: readonly unknown[]): T[];
  get<T>(sql: string, params?: readonly unknown[]): T | undefined;
}

/**
 * Prepared-statement cache over one connection. Preparing costs more than running a small
 * indexed query, and the API issues a bounded set of SQL shapes, so every shape is prepared once.
 */
export class Sql implements SqlReader {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  all<T>(sql: string, params: readonly unknown[] = []): T[] {
    return this.prepare(sql).all(...params) as T[];
  }

  get<T>(sql: string, params: readonly unknown[] = []): T | undefined {
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

  get count(): number {
    return this.statements.length;
  }

  all<T>(sql: string, params?: readonly unknown[]): T[] {
    this.statements.push(sql);
    return this.inner.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly unknown[]): T | undefined {
    this.statements.push(sql);
    return this.inner.get<T>(sql, params);
  }
}
