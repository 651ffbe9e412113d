import cluster from "node:cluster";
import type { Worker } from "node:cluster";
import http, { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { startStandaloneServer } from "@apollo/server/standalone";
import pg from "pg";
import { reportListening, serveInWorkers } from "../../src/app/serveInWorkers.js";
import { startServer } from "../../src/app/startServer.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { PostgresSql } from "../../src/db/PostgresSql.js";
import { Sql } from "../../src/db/Sql.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { silentLogger } from "../../src/server/logger.js";
import { createFloor } from "./floor.js";
import { createPostgresFloor } from "./floorPostgres.js";
import { createNaiveServer } from "./naive.js";
import type { OperationName } from "./ops.js";
import type { Stats } from "./Stats.js";

// One target of the load benchmark, in its own process:
// `server.ts <floor|floor-workers|api|api-workers|naive|floor-pg|api-pg> <db file or postgres:// URL> [pg pool size]`.
// Prints `listening <url>` once ready; answers the driver's IPC message "stats" with the SQL
// statements run so far, the peak RSS and the CPU time used. `api-workers` is the API as
// `TAAWUN_WORKERS=2 npm start` serves it: this process is the cluster primary (it serves nothing),
// two forked copies of this script serve on the shared port, and the primary answers "stats" with
// the sum over the workers and itself. `floor-workers` is the floor in the same arrangement (the
// same serveInWorkers pool), its like-for-like baseline. A server whose driver is gone (the IPC
// channel closed) stops, so a driver that dies leaves no servers behind.
const [target, file, poolArg] = process.argv.slice(2) as [string, string, string | undefined];
const poolSize = Number(poolArg ?? 10);
const WORKERS = 2;
let statements = 0;
let url: string;
/** In the api-workers primary: the stats summed over the workers and this process. */
let primaryStats: (() => Promise<Stats>) | undefined;

/** A worker's answer to the primary's stats request (cluster IPC), told apart from serveInWorkers' messages by its type. */
interface WorkerStats {
  type: "bench:stats";
  id: number;
  stats: Stats;
}

/** The floors' HTTP side: parse the GraphQL request, answer with the handler's data, nothing else. */
function floorServer(answer: (op: OperationName, variables: Record<string, string>) => unknown) {
  const send = (res: ServerResponse, status: number, body: unknown) => {
    const json = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
    res.end(json);
  };
  return createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { operationName: string; variables: Record<string, string> };
      const op = (body.operationName[0]!.toLowerCase() + body.operationName.slice(1)) as OperationName;
      const data = answer(op, body.variables);
      // The SQLite floor answers synchronously: no promise (and no extra tick) on its path.
      if (data instanceof Promise) data.then((d) => send(res, 200, { data: d }), (error: Error) => send(res, 500, { errors: [{ message: error.message }] }));
      else send(res, 200, { data });
    });
  });
}

async function listen(server: ReturnType<typeof createServer>): Promise<string> {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

if (target === "floor" || (target === "floor-workers" && cluster.isWorker)) {
  const database = openDatabase(file);
  const handlers = createFloor(database, () => (statements += 1));
  const server = floorServer((op, variables) => handlers[op](variables));
  url = await listen(server);
  if (cluster.isWorker) {
    // The floor has nothing to drain between load windows: SIGTERM (the primary's pool.stop()) or
    // a primary that is gone closes the connections and the database and exits.
    const stop = () => {
      server.close();
      server.closeAllConnections();
      database.close();
      process.exit(0);
    };
    process.on("SIGTERM", stop);
    process.on("disconnect", stop);
    reportListening(url);
  }
} else if (target === "floor-pg") {
  const handlers = createPostgresFloor(new pg.Pool({ connectionString: file, max: poolSize }), () => (statements += 1));
  url = await listen(floorServer((op, variables) => handlers[op](variables)));
} else if (target === "api" || (target === "api-workers" && cluster.isWorker)) {
  // The shipped server, unchanged; only the statement counter is wrapped around Sql.
  for (const method of ["all", "get"] as const) {
    const original = Sql.prototype[method];
    (Sql.prototype as unknown as Record<string, unknown>)[method] = function (this: Sql, sql: string, params?: readonly unknown[]) {
      statements += 1;
      return original.call(this, sql, params);
    };
  }
  // Uncached on purpose: the mix repeats its 5,000 requests, so a response cache would measure
  // itself. The api-cached target turns it on to measure just that.
  const running = await startServer({
    file,
    port: 0,
    logger: silentLogger,
    responseCacheMb: Number(process.env.TAAWUN_BENCH_RESPONSE_CACHE_MB ?? 0),
    compiledReads: process.env.TAAWUN_COMPILED_READS !== "false",
  });
  url = running.url;
  if (cluster.isWorker) {
    // As in src/main.ts: SIGTERM (the primary's pool.stop()) drains and closes the database; a
    // worker whose primary is gone stops too.
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      running.stop().then(() => process.exit(0), () => process.exit(1));
    };
    process.on("SIGTERM", stop);
    process.on("disconnect", stop);
    reportListening(url);
  }
} else if (target === "api-workers" || target === "floor-workers") {
  // The cluster primary, as src/main.ts runs it with TAAWUN_WORKERS=2: forks this script twice
  // (same arguments, same --import tsx) and waits until both workers listen on the shared port.
  const pool = await serveInWorkers(WORKERS, silentLogger);
  url = pool.url;
  primaryStats = workerStatsRelay(pool.workers);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // A worker stuck draining is cut off: the run must not leave processes behind.
    setTimeout(() => {
      for (const worker of pool.workers()) worker.process.kill("SIGKILL");
      process.exit(1);
    }, 15_000).unref();
    pool.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGTERM", stop);
  process.on("disconnect", stop);
} else if (target === "api-pg") {
  // The shipped server on PostgreSQL, unchanged. Every statement a pool sends is counted, at the
  // pool rather than in PostgresSql, so the count does not depend on how the reader is layered.
  const query = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
  (pg.Pool.prototype as unknown as { query: unknown }).query = function (this: pg.Pool, ...args: unknown[]) {
    statements += 1;
    return query.apply(this, args);
  };
  // api-pg-replica: reads from a streaming standby (DATABASE_READ_URL), with the cache when asked.
  const readUrl = process.env.TAAWUN_BENCH_READ_URL;
  const running = await startServer({
    file: { provider: "postgres", url: file },
    ...(readUrl ? { readUrl } : {}),
    poolSize,
    port: 0,
    logger: silentLogger,
    responseCacheMb: Number(process.env.TAAWUN_BENCH_RESPONSE_CACHE_MB ?? 0),
    compiledReads: process.env.TAAWUN_COMPILED_READS !== "false",
  });
  url = running.url;
} else if (target === "naive") {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", () => (statements += 1));
  // startStandaloneServer keeps its http.Server to itself; catch it as it is made (synchronously,
  // before the call's first await) to turn off the keep-alive timeout. At 1M articles the naive
  // resolvers run synchronous SQLite scans of 0.5–2 s each (Meeting WHERE EXISTS(… Participant …)
  // ORDER BY dateSort), back to back, blocking the event loop for 7–12 s. When it unblocks, Node
  // runs timers before it reads sockets, so the keep-alive timer (5 s + 1 s) of each connection
  // answered more than 6 s earlier fires first and destroys the connection with the load
  // generator's next request unread in its buffer: the client gets ECONNRESET although it never
  // idled. With the timer off those requests are answered, late, which is what we measure.
  const createServerOriginal = http.createServer;
  let standalone = undefined as Server | undefined;
  (http as { createServer: unknown }).createServer = (...args: Parameters<typeof createServer>) => (standalone = createServerOriginal(...args));
  const starting = startStandaloneServer(createNaiveServer(prisma), { listen: { port: 0, host: "127.0.0.1" } });
  http.createServer = createServerOriginal;
  if (!standalone) throw new Error("startStandaloneServer did not create its server through http.createServer");
  standalone.keepAliveTimeout = 0;
  url = (await starting).url;
} else {
  throw new Error(`unknown target ${target}`);
}

// RSS and heap every 10 s, so a long run shows whether memory stays flat.
const memory: { s: number; rssMb: number; heapMb: number }[] = [];
const born = performance.now();
setInterval(() => {
  const usage = process.memoryUsage();
  memory.push({ s: Math.round((performance.now() - born) / 1000), rssMb: +(usage.rss / 1e6).toFixed(1), heapMb: +(usage.heapUsed / 1e6).toFixed(1) });
}, 10_000).unref();
function ownStats(): Stats {
  const cpu = process.cpuUsage();
  return { statements, maxRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1), rssMb: +(process.memoryUsage().rss / 1e6).toFixed(1), cpuSeconds: (cpu.user + cpu.system) / 1e6, memory };
}
process.on("message", (message) => {
  if (message !== "stats") return;
  if (cluster.isWorker) process.send!({ type: "bench:stats", id: cluster.worker!.id, stats: ownStats() } satisfies WorkerStats);
  else if (primaryStats) primaryStats().then((stats) => process.send!(stats));
  else process.send!(ownStats());
});
// A worker says where it listens through reportListening; the primary prints for the driver.
if (!cluster.isWorker) {
  // The driver died without stopping this server (a cluster primary stops through its own handler).
  if (!primaryStats) process.on("disconnect", () => process.exit(0));
  console.log(`listening ${url}`);
}

/**
 * The primary's answer to "stats": asks every live worker over cluster IPC and sums statements,
 * CPU time, current RSS and peak RSS (each worker's peak, plus the primary's own: the processes
 * run side by side), and the memory samples index by index. A worker that died keeps counting with
 * its last answer, so the counters the driver subtracts never go backwards.
 */
function workerStatsRelay(workers: () => Worker[]): () => Promise<Stats> {
  const last = new Map<number, Stats>();
  const ask = (worker: Worker) =>
    new Promise<void>((done) => {
      const onMessage = (message: WorkerStats) => {
        if (message?.type !== "bench:stats") return;
        last.set(worker.id, message.stats);
        finish();
      };
      const finish = () => {
        worker.off("message", onMessage);
        worker.off("exit", finish);
        done();
      };
      worker.on("message", onMessage);
      worker.once("exit", finish);
      worker.send("stats");
    });
  return async () => {
    await Promise.all(workers().filter((w) => !w.isDead()).map(ask));
    const all = [ownStats(), ...last.values()];
    const sum = (pick: (s: Stats) => number, digits: number) => +all.reduce((total, s) => total + pick(s), 0).toFixed(digits);
    const samples = Math.min(...all.map((s) => s.memory.length));
    return {
      statements: sum((s) => s.statements, 0),
      maxRssMb: sum((s) => s.maxRssMb, 1),
      rssMb: sum((s) => s.rssMb, 1),
      cpuSeconds: sum((s) => s.cpuSeconds, 6),
      memory: Array.from({ length: samples }, (_, i) => ({
        s: memory[i]!.s,
        rssMb: +all.reduce((total, s) => total + s.memory[i]!.rssMb, 0).toFixed(1),
        heapMb: +all.reduce((total, s) => total + s.memory[i]!.heapMb, 0).toFixed(1),
      })),
    };
  };
}
