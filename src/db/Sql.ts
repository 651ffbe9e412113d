import type { Database, Statement } from "better-sqlite3";
import { registerSqlFunctions } from "./registerSqlFunctions.js";
import { rowFactory } from "./rowFactory.js";

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
 * Rows come back as arrays and are built into objects by a per-statement factory (rowFactory).
 */
export class Sql implements SqlReader {
  readonly dialect = "sqlite";
  private readonly statements = new Map<string, Prepared>();

  constructor(readonly db: Database) {
    registerSqlFunctions(db);
  }

  async all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const { statement, row } = this.prepare(sql);
    const rows = statement.all(...params) as unknown[][];
    const out = new Array<T>(rows.length);
    for (let i = 0; i < rows.length; i += 1) out[i] = row(rows[i]!) as T;
    return out;
  }

  async get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    const { statement, row } = this.prepare(sql);
    const values = statement.get(...params) as unknown[] | undefined;
    return values === undefined ? undefined : (row(values) as T);
  }

  private prepare(sql: string): Prepared {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      const statement = this.db.prepare(sql).raw(true);
      prepared = { statement, row: rowFactory(statement.columns().map((column) => column.name)) };
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}

interface Prepared {
  statement: Statement;
  row: (values: unknown[]) => Record<string, unknown>;
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
