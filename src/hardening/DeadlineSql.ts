import type { Dialect, SqlReader } from "../db/Sql.js";
import type { Deadline } from "./deadline.js";
import { timeoutError } from "./deadline.js";

/**
 * The read path's statements, refused once the request's deadline has passed. GraphQL execution
 * cannot be aborted from outside, but nearly all of its time is spent in SQL, so stopping there
 * ends the work of a request that has already been answered 503.
 */
export class DeadlineSql implements SqlReader {
  constructor(
    private readonly inner: SqlReader,
    private readonly deadline: Deadline,
  ) {}

  get dialect(): Dialect {
    return this.inner.dialect;
  }

  async all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    if (this.deadline.expired()) throw timeoutError(this.deadline.ms);
    return this.inner.all<T>(sql, params);
  }

  async get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    if (this.deadline.expired()) throw timeoutError(this.deadline.ms);
    return this.inner.get<T>(sql, params);
  }
}
