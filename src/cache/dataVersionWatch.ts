import type { Database } from "better-sqlite3";

/**
 * A check that says whether anything was committed to the SQLite file since it last ran.
 *
 * `PRAGMA data_version` changes whenever another connection commits — Prisma's writer in this
 * process, `npm run import` or the sqlite3 shell in another — and reading it touches only the
 * shared-memory WAL index, so it can run before every cached answer is served (a few
 * microseconds, docs/response-cache.md). It does not change for the connection's own commits,
 * which is why it runs on the read connection: that one never writes.
 */
export function dataVersionWatch(db: Database): () => boolean {
  const statement = db.prepare("PRAGMA data_version").pluck();
  let seen: unknown = statement.get();
  return () => {
    const now: unknown = statement.get();
    if (now === seen) return false;
    seen = now;
    return true;
  };
}
