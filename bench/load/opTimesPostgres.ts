import { parseArgs } from "node:util";
import pg from "pg";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { PostgresSql } from "../../src/db/PostgresSql.js";
import { Sql } from "../../src/db/Sql.js";
import type { SqlReader } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { benchPostgresUrl } from "../postgres/benchPostgresUrl.js";
import { createFloor } from "./floor.js";
import { createPostgresFloor } from "./floorPostgres.js";
import { OPERATION_NAMES, OPERATIONS, sampleRequests } from "./ops.js";
import { TimingSql } from "./TimingSql.js";

// `NODE_ENV=production tsx bench/load/opTimesPostgres.ts --articles N [--pg-url …] [--pg-pool 10]`: one request at
// a time, in process (no HTTP, no concurrency), the mean time of each operation for the floor and
// the API on SQLite and on PostgreSQL, and for the API how much of it is spent waiting for
// statements. What a statement costs on each database when nothing else runs: the latency floor
// under the load runs' throughput.
const { values } = parseArgs({
  options: { articles: { type: "string", default: "10000" }, "pg-url": { type: "string" }, "pg-pool": { type: "string", default: "10" }, requests: { type: "string", default: "1000" } },
});
const articles = Number(values.articles);
const url = values["pg-url"] ?? benchPostgresUrl(articles);
const db = openDatabase(corpusFile(articles), { readonly: true });
const requests = sampleRequests(db, Number(values.requests), 3);
const pool = new pg.Pool({ connectionString: url, max: Number(values["pg-pool"]) });

// The bare round trip: a named prepared statement that reads nothing.
const ping = await pool.connect();
for (let i = 0; i < 200; i += 1) await ping.query({ name: "ping", text: "SELECT 1" });
const t = performance.now();
for (let i = 0; i < 2000; i += 1) await ping.query({ name: "ping", text: "SELECT 1" });
ping.release();
console.log(`PostgreSQL round trip (prepared SELECT 1, one connection): ${(((performance.now() - t) / 2000) * 1000).toFixed(0)} µs`);

const floors = { sqlite: createFloor(db, () => {}), postgres: createPostgresFloor(pool, () => {}) };
const apollo = createApolloServer({ logger: silentLogger });
await apollo.start();
const postgres = new PostgresSql(pool);
const readers: Record<string, SqlReader> = { sqlite: new Sql(db), postgres };

const mean = async (run: (r: (typeof requests)[number]) => unknown, op: string) => {
  const mine = requests.filter((r) => r.op === op);
  for (const r of mine.slice(0, 20)) await run(r);
  const start = performance.now();
  for (const r of mine) await run(r);
  return (performance.now() - start) / mine.length;
};

const rows: Record<string, Record<string, string>> = {};
const statements: Record<string, string | number>[] = [];
for (const op of OPERATION_NAMES) {
  const row: Record<string, string> = {};
  const byStatement = new Map<string, Record<string, string | number>>();
  for (const provider of ["sqlite", "postgres"] as const) {
    row[`floor ${provider}`] = (await mean(async (r) => JSON.stringify(await floors[provider][op](r.variables)), op)).toFixed(3);
    const timing = new TimingSql(readers[provider]!);
    const api = await mean(async (r) => {
      const response = await apollo.executeOperation({ query: OPERATIONS[r.op], variables: r.variables }, { contextValue: createContext(timing) });
      JSON.stringify(response.body);
    }, op);
    const runs = requests.filter((r) => r.op === op).length;
    const warm = Math.min(20, runs);
    row[`api ${provider}`] = api.toFixed(3);
    // SQLite's statements run inside the call; PostgreSQL's until the promise settles.
    const sqlMs = provider === "sqlite" ? [...timing.times.values()].reduce((sum, s) => sum + s.callMs, 0) : timing.busyMs;
    row[`api ${provider} in SQL`] = (sqlMs / (runs + warm)).toFixed(3);
    for (const [sql, s] of timing.times) {
      const entry = byStatement.get(sql) ?? { op, statement: sql.replace(/\s+/g, " ").slice(0, 90), perRequest: +(s.count / (runs + warm)).toFixed(2) };
      entry[`${provider} ms`] = +((provider === "sqlite" ? s.callMs : s.settledMs) / s.count).toFixed(3);
      byStatement.set(sql, entry);
    }
  }
  rows[op] = row;
  statements.push(...byStatement.values());
}
console.log("mean ms per operation, one request at a time (api … in SQL: wall time with a statement outstanding)");
console.table(rows);
console.log("the API's statements: mean ms each (SQLite: inside the call; PostgreSQL: until settled)");
console.table(statements);
await apollo.stop();
await pool.end();
db.close();
