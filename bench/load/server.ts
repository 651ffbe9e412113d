import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { startStandaloneServer } from "@apollo/server/standalone";
import { startServer } from "../../src/app/startServer.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { silentLogger } from "../../src/server/logger.js";
import { createFloor } from "./floor.js";
import { createNaiveServer } from "./naive.js";
import type { OperationName } from "./ops.js";

// One target of the load benchmark, in its own process: `server.ts <floor|api|naive> <db file>`.
// Prints `listening <url>` once ready; answers the driver's IPC message "stats" with the SQL
// statements run so far and the peak RSS.
const [target, file] = process.argv.slice(2) as [string, string];
let statements = 0;
let url: string;

if (target === "floor") {
  const handlers = createFloor(openDatabase(file), () => (statements += 1));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { operationName: string; variables: Record<string, string> };
      const op = (body.operationName[0]!.toLowerCase() + body.operationName.slice(1)) as OperationName;
      const json = JSON.stringify({ data: handlers[op](body.variables) });
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
      res.end(json);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
} else if (target === "api") {
  // The shipped server, unchanged; only the statement counter is wrapped around Sql.
  for (const method of ["all", "get"] as const) {
    const original = Sql.prototype[method];
    (Sql.prototype as unknown as Record<string, unknown>)[method] = function (this: Sql, sql: string, params?: readonly unknown[]) {
      statements += 1;
      return original.call(this, sql, params);
    };
  }
  const running = await startServer({ file, port: 0, logger: silentLogger });
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
  if (message === "stats") process.send!({ statements, maxRssMb: +(process.resourceUsage().maxRSS / 1024).toFixed(1), rssMb: +(process.memoryUsage().rss / 1e6).toFixed(1), memory });
});
console.log(`listening ${url}`);
