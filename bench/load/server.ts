import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { startStandaloneServer } from "@apollo/server/standalone";
import pg from "pg";
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

// One target of the load benchmark, in its own process:
// `server.ts <floor|api|naive|floor-pg|api-pg> <db file or postgres:// URL> [pg pool size]`.
// Prints `listening <url>` once ready; answers the driver's IPC message "stats" with the SQL
// statements run so far, the peak RSS and the CPU time used.
const [target, file, poolArg] = process.argv.slice(2) as [string, string, string | undefined];
const poolSize = Number(poolArg ?? 10);
let statements = 0;
let url: string;

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

if (target === "floor") {
  const handlers = createFloor(openDatabase(file), () => (statements += 1));
  url = await listen(floorServer((op, variables) => handlers[op](variables)));
} else if (target === "floor-pg") {
  const handlers = createPostgresFloor(new pg.Pool({ connectionString: file, max: poolSize }), () => (statements += 1));
  url = await listen(floorServer((op, variables) => handlers[op](variables)));
} else if (target === "api") {
  // The shipped server, unchanged; only the statement counter is wrapped around Sql.
  for (const method of ["all", "get"] as const) {
    const original = Sql.prototype[method];
    (Sql.prototype as unknown as Record<string, unknown>)[method] = function (this: Sql, sql: string, params?: readonly unknown[]) {
      statements += 1;
      return original.call(this, sql, params);
    };
  }
  // Uncached on purpose: the mix repeats its 5,000 requests, so a response cache would measure itself.
  const running = await startServer({ file, port: 0, logger: silentLogger, responseCacheMb: 0 });
  url = running.url;
} else if (target === "api-pg") {
  // The shipped server on PostgreSQL, unchanged. Every statement a pool sends is counted, at the
  // pool rather than in PostgresSql, so the count does not depend on how the reader is layered.
  const query = pg.Pool.prototype.query as (...args: unknown[]) => unknown;
  (pg.Pool.prototype as unknown as { query: unknown }).query = function (this: pg.Pool, ...args: unknown[]) {
    statements += 1;
    return query.apply(this, args);
  };
  const running = await startServer({ file: { provider: "postgres", url: file }, poolSize, port: 0, logger: silentLogger, responseCacheMb: 0 });
  url = running.url;
} else if (target === "naive") {
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }), log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", () => (statements += 1));
  const { url: base } = await startStandaloneServer(createNaiveServer(prisma), { listen: { port: 0, host: "127.0.0.1" } });
  url = base;
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
process.on("message", (message) => {
  if (message === "stats") {
    const cpu = process.cpuUsage();
    process.send!({ statements, maxRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1), rssMb: +(process.memoryUsage().rss / 1e6).toFixed(1), cpuSeconds: (cpu.user + cpu.system) / 1e6, memory });
  }
});
console.log(`listening ${url}`);
