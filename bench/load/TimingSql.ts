import type { Dialect, SqlReader } from "../../src/db/Sql.js";

/**
 * Per statement text: how often it ran; `callMs`, the time until the reader's call returned (for
 * SQLite, which runs the statement synchronously inside it, the statement's whole cost); and
 * `settledMs`, the time until its promise settled (for PostgreSQL, the round trip and the
 * server's work, plus any wait for a pooled connection).
 */
export type StatementTimes = Map<string, { count: number; callMs: number; settledMs: number }>;

/**
 * A reader that times every statement it forwards, by SQL text (the API's shapes are few), and
 * the wall time during which at least one statement was outstanding (`busyMs`: concurrent
 * statements of one request overlap, so their times do not add up).
 */
export class TimingSql implements SqlReader {
  readonly times: StatementTimes = new Map();
  busyMs = 0;
  private outstanding = 0;
  private busySince = 0;

  constructor(private readonly inner: SqlReader) {}

  get dialect(): Dialect {
    return this.inner.dialect;
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.timed(sql, () => this.inner.all<T>(sql, params));
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.timed(sql, () => this.inner.get<T>(sql, params));
  }

  private async timed<T>(sql: string, run: () => Promise<T>): Promise<T> {
    const t = performance.now();
    if (this.outstanding++ === 0) this.busySince = t;
    const promise = run();
    const called = performance.now();
    try {
      return await promise;
    } finally {
      const settled = performance.now();
      if (--this.outstanding === 0) this.busyMs += settled - this.busySince;
      const entry = this.times.get(sql) ?? { count: 0, callMs: 0, settledMs: 0 };
      entry.count += 1;
      entry.callMs += called - t;
      entry.settledMs += settled - t;
      this.times.set(sql, entry);
    }
  }
}
