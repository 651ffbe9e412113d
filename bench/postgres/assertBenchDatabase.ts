import { redactUrl } from "../../src/db/redactUrl.js";

/**
 * Throws unless `url` names a database called `bench_*`. The URL comes from the command line, and
 * the bench writes hundreds of thousands of rows (or drops the database): a typo, or the server's
 * `postgres` database, must not receive them.
 */
export function assertBenchDatabase(url: string, action: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.startsWith("bench_")) throw new Error(`refusing to ${action} ${redactUrl(url)}: the bench only writes to databases named bench_* (got ${JSON.stringify(name)})`);
}
