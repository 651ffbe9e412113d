import type { Dialect, SqlReader } from "./Sql.js";

/**
 * One request's reads with a read replica configured (DATABASE_READ_URL): from the replica,
 * until {@link usePrimary} is called, after which from the primary. A mutation switches before
 * its resolvers run, so what it reads back (its own result, the records it checks) includes its
 * write, which the replica may not have replayed yet.
 */
export class ReplicaSql implements SqlReader {
  private current: SqlReader;

  constructor(
    replica: SqlReader,
    private readonly primary: SqlReader,
  ) {
    this.current = replica;
  }

  get dialect(): Dialect {
    return this.current.dialect;
  }

  usePrimary(): void {
    this.current = this.primary;
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.current.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.current.get<T>(sql, params);
  }
}
