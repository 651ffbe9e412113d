import { readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { HeaderMap } from "@apollo/server";
import type { Database } from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { cacheableRequest } from "../../src/cache/cacheableRequest.js";
import { dataVersionWatch } from "../../src/cache/dataVersionWatch.js";
import { rememberAnswer } from "../../src/cache/rememberAnswer.js";
import { ResponseCache } from "../../src/cache/ResponseCache.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { silentLogger } from "../../src/server/logger.js";
import { postgresAdminUrl } from "../support/postgres.js";
import { seededPostgresDatabase } from "../support/seededPostgres.js";
import type { SeededPostgresDatabase } from "../support/seededPostgres.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// `npx vitest bench --run test/cache/responseCache.bench.ts` (with TAAWUN_TEST_POSTGRES_URL set,
// PostgreSQL too): a hit against the same request with no cache (a miss costs that plus storing),
// and the pieces a hit adds. Numbers in docs/response-cache.md.
const TIMELINE = readFileSync(new URL("../../examples/operations/actor-timeline.graphql", import.meta.url), "utf8");
const BODY = JSON.stringify({ query: TIMELINE, operationName: "ActorTimeline", variables: { slug: "qasim-al-araji", first: 50 } });
const OPTIONS = { time: 2_000, warmupTime: 300 };

// node:http with keep-alive rather than fetch: undici's own cost per request is larger than a hit's.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const ask = (server: RunningServer) =>
  new Promise<void>((resolve, reject) => {
    const req = httpRequest(server.url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(BODY) } }, (res) => {
      res.on("data", () => undefined);
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end(BODY);
  });

let sqliteFile: TestDatabase;
let postgres: SeededPostgresDatabase | undefined;
const servers: Record<string, RunningServer> = {};
let db: Database;
let answerText = "";
let writer: pg.Client | undefined;

beforeAll(async () => {
  sqliteFile = await seededDatabase();
  servers.sqliteCached = await startServer({ file: sqliteFile.file, port: 0, logger: silentLogger, responseCacheMb: 64 });
  servers.sqliteUncached = await startServer({ file: sqliteFile.file, port: 0, logger: silentLogger, responseCacheMb: 0 });
  if (postgresAdminUrl()) {
    postgres = await seededPostgresDatabase();
    const file = { provider: "postgres" as const, url: postgres.url };
    servers.postgresCached = await startServer({ file, port: 0, logger: silentLogger, responseCacheMb: 64 });
    servers.postgresUncached = await startServer({ file, port: 0, logger: silentLogger, responseCacheMb: 0 });
    writer = new pg.Client({ connectionString: postgres.url });
    await writer.connect();
  }
  for (const server of Object.values(servers)) await ask(server);
  db = openDatabase(sqliteFile.file);
  const response = await fetch(servers.sqliteUncached!.url, { method: "POST", headers: { "content-type": "application/json" }, body: BODY });
  answerText = await response.text();
});
afterAll(async () => {
  agent.destroy();
  await writer?.end();
  for (const server of Object.values(servers)) await server.stop();
  db?.close();
  sqliteFile?.remove();
  await postgres?.remove();
});

describe("ActorTimeline over HTTP, SQLite", () => {
  bench("hit", () => ask(servers.sqliteCached!), OPTIONS);
  bench("no cache (a miss, less storing)", () => ask(servers.sqliteUncached!), OPTIONS);
});

describe.runIf(postgresAdminUrl())("ActorTimeline over HTTP, PostgreSQL", () => {
  bench("hit", () => ask(servers.postgresCached!), OPTIONS);
  bench("no cache (a miss, less storing)", () => ask(servers.postgresUncached!), OPTIONS);
});

/** An autocommitted UPDATE; with `heard`, until this process's listener has dropped the cache for it. */
async function write(heard: boolean) {
  const cache = servers.postgresCached!.responseCache!;
  const clears = cache.stats().clears;
  await writer!.query(`UPDATE "Meeting" SET "summaryEn" = "summaryEn" WHERE slug = '2023-01-24-araji-munsch-baghdad'`);
  while (heard && cache.stats().clears === clears) await new Promise((resolve) => setImmediate(resolve));
}

describe.runIf(postgresAdminUrl())("a commit on PostgreSQL, and its notification reaching the cache", () => {
  bench("UPDATE, until the cache is dropped", () => write(true), OPTIONS);
  bench("UPDATE alone", () => write(false), OPTIONS);
});

describe("what the cache adds to a request", () => {
  let changed: () => boolean;
  const request = { method: "POST", headers: new HeaderMap([["content-type", "application/json"]]), search: "", body: JSON.parse(BODY) as unknown };
  bench(
    "PRAGMA data_version (checked before every hit)",
    () => {
      changed ??= dataVersionWatch(db);
      changed();
    },
    OPTIONS,
  );
  bench("cache key (canonical JSON + sha256; no GraphQL parse)", () => void cacheableRequest(request), OPTIONS);
  bench(
    "storing a miss (JSON.parse of the answer, parse of the query, copy)",
    () => {
      const cache = new ResponseCache({ budgetBytes: 64 << 20 });
      rememberAnswer({ cache, request: { key: "k", query: TIMELINE, operationName: "ActorTimeline" }, ticket: cache.begin() }, 200, [["content-type", "application/json; charset=utf-8"]], answerText);
    },
    OPTIONS,
  );
});
