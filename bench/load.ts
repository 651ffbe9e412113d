import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isDeepStrictEqual } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import { corpusFile } from "./corpus/generateCorpus.js";
import { barChartSvg } from "./load/chart.js";
import { OPERATION_NAMES, OPERATIONS, sampleRequests } from "./load/ops.js";
import type { OperationName, Request } from "./load/ops.js";

// `npm run bench:load -- --articles 10000 [--connections 32] [--seconds 20] [--targets floor,api,naive]`
// HTTP load on the analyst mix against each target in turn (its own server process, loaded from a
// second process over 127.0.0.1), all in one run: req/s, p50/p99, SQL statements per operation,
// peak RSS, and the ratios API/floor and API/naive. Before loading, the same sample requests are
// sent to every target and the answers compared with the floor's, so every target does the same
// work. Writes bench/results/load-<N>.json and load-<N>.svg.
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    db: { type: "string" },
    connections: { type: "string", default: "32" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    targets: { type: "string", default: "floor,api,naive" },
    tag: { type: "string", default: "" },
  },
});
const articles = Number(values.articles);
const file = values.db ?? corpusFile(articles);
if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run bench:generate -- --articles ${articles}\` first.`);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);

/** A target: the server kind and its environment. `api-prod` is the API with NODE_ENV=production. */
const TARGETS: Record<string, { kind: string; env: Record<string, string> }> = {
  floor: { kind: "floor", env: {} },
  api: { kind: "api", env: {} },
  "api-prod": { kind: "api", env: { NODE_ENV: "production" } },
  naive: { kind: "naive", env: {} },
  "naive-prod": { kind: "naive", env: { NODE_ENV: "production" } },
};
const targets = values.targets.split(",");
for (const name of targets) if (!TARGETS[name]) throw new Error(`unknown target ${name}; known: ${Object.keys(TARGETS).join(", ")}`);

const db = new BetterSqlite3(file, { readonly: true });
const requests = sampleRequests(db, 5000);
const checks = sampleRequests(db, 25, 99);
db.close();

interface Stats {
  statements: number;
  maxRssMb: number;
  rssMb: number;
  memory: { s: number; rssMb: number; heapMb: number }[];
}

async function startTarget(name: string): Promise<{ child: ChildProcess; url: string; stats: () => Promise<Stats> }> {
  const { kind, env } = TARGETS[name]!;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.NODE_ENV) delete childEnv.NODE_ENV;
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "load/server.ts"), kind, file], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: childEnv,
  });
  const url = await new Promise<string>((done, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)/.exec(out);
      if (match) done(match[1]!);
    });
    child.on("exit", (code) => fail(new Error(`${name} exited with ${code}`)));
  });
  const stats = () =>
    new Promise<Stats>((done) => {
      child.once("message", (message) => done(message as Stats));
      child.send("stats");
    });
  return { child, url, stats };
}

async function post(url: string, r: Request): Promise<unknown> {
  const op = /query (\w+)/.exec(OPERATIONS[r.op])![1];
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ operationName: op, query: OPERATIONS[r.op], variables: r.variables }) });
  return response.json();
}

function runClient(url: string): Promise<{ latencies: number[]; errors: number; bytes: number; elapsed: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "load/client.ts")], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? done(JSON.parse(out)) : fail(new Error(`client exited with ${code}`))));
    child.stdin.end(JSON.stringify({ url, requests, connections, seconds, warmup }));
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const answers = new Map<string, unknown[]>();
const results: Record<string, unknown>[] = [];
for (const name of targets) {
  process.stderr.write(`${name.padEnd(10)} starting… `);
  const target = await startTarget(name);
  try {
    // Statements per operation: the check requests one at a time, counting around each.
    const perOp = new Map<OperationName, number[]>();
    const got: unknown[] = [];
    for (const check of checks) {
      const before = (await target.stats()).statements;
      got.push(await post(target.url, check));
      const after = (await target.stats()).statements;
      perOp.set(check.op, [...(perOp.get(check.op) ?? []), after - before]);
    }
    answers.set(name, got);
    process.stderr.write(`loading ${connections} connections for ${warmup}+${seconds} s… `);
    const load = await runClient(target.url);
    const stats = await target.stats();
    const sorted = load.latencies.sort((a, b) => a - b);
    const statementsPerOp = Object.fromEntries(OPERATION_NAMES.map((op) => {
      const counts = perOp.get(op) ?? [];
      return [op, +(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)).toFixed(1)];
    }));
    const row = {
      target: name,
      reqPerSec: Math.round(load.latencies.length / load.elapsed),
      p50Ms: +quantile(sorted, 0.5).toFixed(2),
      p99Ms: +quantile(sorted, 0.99).toFixed(2),
      requests: load.latencies.length,
      errors: load.errors,
      statementsPerRequest: +(Object.values(statementsPerOp).reduce((a, b) => a + b, 0) / OPERATION_NAMES.length).toFixed(1),
      peakRssMb: stats.maxRssMb,
      statementsPerOp,
      memory: stats.memory,
    };
    results.push(row);
    process.stderr.write(`${row.reqPerSec} req/s\n`);
  } finally {
    target.child.kill();
  }
}

// Every target must answer like the floor (same data, same order); otherwise the numbers compare
// different work.
const canonical = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(canonical) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)])) : value;
const reference = answers.get(targets[0]!)!;
const mismatches: string[] = [];
for (const [name, got] of answers) {
  got.forEach((answer, i) => {
    if (!isDeepStrictEqual(canonical(answer), canonical(reference[i]))) mismatches.push(`${name} differs from ${targets[0]} on ${checks[i]!.op} ${JSON.stringify(checks[i]!.variables)}`);
  });
}

const find = (name: string) => results.find((r) => r.target === name) as { reqPerSec: number } | undefined;
// Like for like: the API as `npm start` runs it (NODE_ENV=production) against the naive server in
// the same mode when both were run, else the plain targets.
const prod = find("api-prod") !== undefined;
const api = find("api-prod") ?? find("api");
const naive = (prod ? find("naive-prod") : undefined) ?? find("naive");
const ratios = {
  apiOverFloor: api && find("floor") ? +(api.reqPerSec / find("floor")!.reqPerSec).toFixed(3) : null,
  apiOverNaive: api && naive ? +(api.reqPerSec / naive.reqPerSec).toFixed(2) : null,
};
console.table(results.map(({ statementsPerOp, memory, ...row }) => row));
console.table(Object.fromEntries(results.map((r) => [r.target as string, r.statementsPerOp])));
console.log(`ratios: API/floor ${ratios.apiOverFloor}, API/naive ${ratios.apiOverNaive} (${articles} articles, ${connections} connections, ${seconds} s each)`);
if (mismatches.length) console.log(`ANSWERS DIFFER (${mismatches.length}):\n  ${mismatches.slice(0, 10).join("\n  ")}`);
else console.log(`answers: all targets answered the ${checks.length} check requests identically`);

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), node: process.version };
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
const stem = `load-${articles}${values.tag ? `-${values.tag}` : ""}`;
writeFileSync(join(out, `${stem}.json`), `${JSON.stringify({ articles, file, connections, seconds, warmup, machine, results, ratios, mismatches }, null, 2)}\n`);
writeFileSync(join(out, `${stem}.svg`), barChartSvg(`Analyst mix over HTTP, ${articles} articles, ${connections} connections (req/s)`, results.map((r) => ({ label: r.target as string, value: r.reqPerSec as number, note: `p50 ${r.p50Ms} ms · p99 ${r.p99Ms} ms` }))));
console.log(`→ bench/results/${stem}.json, ${stem}.svg`);
