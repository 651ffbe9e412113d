import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { PerformanceObserver } from "node:perf_hooks";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startServer } from "../../src/app/startServer.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { silentLogger } from "../../src/server/logger.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { sampleRequests } from "./ops.js";

// `NODE_ENV=production tsx bench/load/repeatedRuns.ts --articles N --seconds S --runs R`: the shipped
// API (uncached) in this process, loaded by the load generator's 32 connections R times in a row.
// Per run: req/s, the server's CPU per request, GC time, the machine's CPU ticks (steal included),
// and a fixed piece of JavaScript timed just before: the same server, warm, measured again and
// again, shows how much of a run-to-run difference is the machine's. Also the client's latency
// against the server's own time per request (request event to answer written). With `node --cpu-prof
// --cpu-prof-dir=DIR --import tsx` instead of tsx it also writes the server's CPU profile (it
// exits normally at the end for that).
const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, seconds: { type: "string", default: "15" }, runs: { type: "string", default: "1" } } });
/** The machine's CPU ticks (/proc/stat "cpu" line: user nice system idle iowait irq softirq steal). */
const machineTicks = () => readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount += 1;
  }
}).observe({ entryTypes: ["gc"] });
const file = corpusFile(Number(values.articles));
const db = openDatabase(file, { readonly: true });
const requests = sampleRequests(db, 5000, 7);
db.close();
const running = await startServer({ file, port: 0, logger: silentLogger, responseCacheMb: 0 });
let served = 0;
// The server's own time per request (request event to the answer's last byte handed to the
// kernel) against what the client sees: the difference is time spent waiting to be read.
let serverMs: number[] = [];
running.server.on("request", (_req, res) => {
  served += 1;
  const at = performance.now();
  res.on("finish", () => serverMs.push(performance.now() - at));
});
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;
/** A fixed piece of JavaScript work, timed: if it slows down when the API does, the machine did. */
function probe(): number {
  const t = performance.now();
  const objects = Array.from({ length: 2000 }, (_, i) => ({ id: i, slug: `actor-${i}`, nameAr: "وزير الدفاع العراقي", list: [i, i + 1, i + 2] }));
  for (let i = 0; i < 30; i += 1) JSON.parse(JSON.stringify(objects)).map((o: { id: number }) => o.id * 2);
  return performance.now() - t;
}
for (let run = 0; run < Number(values.runs); run += 1) {
  const probeMs = Math.min(probe(), probe(), probe());
  const cpu = process.cpuUsage();
  const served0 = served;
  serverMs = [];
  const stat0 = machineTicks();
  const [gc0, gcCount0] = [gcMs, gcCount];
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "client.ts")], { stdio: ["pipe", "pipe", "inherit"] });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stdin.end(JSON.stringify({ url: running.url, requests, connections: 32, seconds: Number(values.seconds), warmup: 2 }));
  await new Promise((done) => child.on("close", done));
  const used = process.cpuUsage(cpu);
  const stat1 = machineTicks();
  const ticks = stat1.map((v, i) => v - stat0[i]!);
  const result = JSON.parse(out) as { latencies: number[]; elapsed: number };
  console.log(`run ${run + 1}: ${result.latencies.length} requests, ${Math.round(result.latencies.length / result.elapsed)} req/s, client p50/p99 ${quantile(result.latencies, 0.5).toFixed(1)}/${quantile(result.latencies, 0.99).toFixed(1)} ms, server's own p50/p99 ${quantile(serverMs, 0.5).toFixed(1)}/${quantile(serverMs, 0.99).toFixed(1)} ms, server CPU ${((used.user + used.system) / (served - served0)).toFixed(0)} µs per request; machine ticks user ${ticks[0]} system ${ticks[2]} idle ${ticks[3]} softirq ${ticks[6]} steal ${ticks[7]}; probe ${probeMs.toFixed(1)} ms; GC ${(gcMs - gc0).toFixed(0)} ms in ${gcCount - gcCount0}; heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
}
await running.stop();
process.exit(0);
