import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isDeepStrictEqual } from "node:util";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { redactUrl } from "../src/db/redactUrl.js";
import { corpusFile } from "./corpus/generateCorpus.js";
import { barChartSvg } from "./load/chart.js";
import { machineCpuSeconds } from "./load/machineCpuSeconds.js";
import { postgresCpuSeconds } from "./load/postgresCpuSeconds.js";
import { OPERATION_NAMES, OPERATIONS, sampleRequests } from "./load/ops.js";
import type { OperationName, Request } from "./load/ops.js";
import { benchPostgresUrl } from "./postgres/benchPostgresUrl.js";
import type { Stats } from "./load/Stats.js";

// `npm run bench:load -- --articles 10000 [--connections 32] [--seconds 20] [--targets floor,api,naive]
//   [--pg-url postgres://…/bench_corpus_10000] [--pg-pool 10] [--checks 25] [--tag name]`
// HTTP load on the analyst mix against each target in turn (its own server process, loaded from a
// second process over 127.0.0.1), all in one run: req/s, p50/p99, SQL statements per operation,
// peak RSS, CPU (server, load generator, PostgreSQL, kernel interrupts, other processes), and the
// ratios API/floor and API/naive (and on PostgreSQL API/floor and PostgreSQL/SQLite). `api-workers`
// is the API as `TAAWUN_WORKERS=2 npm start` serves it (a cluster primary and two workers; its
// statements, CPU and RSS are the sums over the three processes). Before
// loading, the same sample requests are sent to every target and the answers compared with the
// first target's, so every target does the same work. The PostgreSQL targets (floor-pg, api-pg;
// `api-pg:4` for another pool size) read the copy `npm run bench:pg:load-corpus` makes. A target
// that fails (its server exits, the load generator fails) gets a row with `error` and the run
// goes on with the next target. Writes bench/results/load-<N>[-tag].json and .svg.
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    db: { type: "string" },
    connections: { type: "string", default: "32" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    checks: { type: "string", default: "25" },
    targets: { type: "string", default: "floor,api,naive" },
    "pg-url": { type: "string" },
    "pg-pool": { type: "string", default: "10" },
    tag: { type: "string", default: "" },
  },
});
const articles = Number(values.articles);
const file = values.db ?? corpusFile(articles);
if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run bench:generate -- --articles ${articles}\` first.`);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const pgUrl = values["pg-url"] ?? benchPostgresUrl(articles);
const pgPool = Number(values["pg-pool"]);

/**
 * A target: the server kind and its environment. `api-prod` is the API with NODE_ENV=production;
 * `api-pg` is the same on PostgreSQL (production only: the development mode's cost is measured
 * on SQLite already).
 */
const TARGETS: Record<string, { kind: string; env: Record<string, string>; postgres?: boolean }> = {
  floor: { kind: "floor", env: {} },
  api: { kind: "api", env: {} },
  "api-prod": { kind: "api", env: { NODE_ENV: "production" } },
  // The API in two cluster workers, as `TAAWUN_WORKERS=2 npm start` runs it (src/app/serveInWorkers.ts).
  "api-workers": { kind: "api-workers", env: { NODE_ENV: "production" } },
  naive: { kind: "naive", env: {} },
  "naive-prod": { kind: "naive", env: { NODE_ENV: "production" } },
  "floor-pg": { kind: "floor-pg", env: {}, postgres: true },
  "api-pg": { kind: "api-pg", env: { NODE_ENV: "production" }, postgres: true },
  // An experiment on the API's PostgreSQL batches (bench/load/anyArrayBatches.ts), not the shipped code.
};
/** `name` or, for a PostgreSQL target, `name:<pool size>` (default --pg-pool). */
const parseTarget = (spec: string) => {
  const [name = "", pool] = spec.split(":");
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown target ${spec}; known: ${Object.keys(TARGETS).join(", ")}`);
  if (pool !== undefined && (!target.postgres || !/^\d+$/.test(pool))) throw new Error(`${spec}: only PostgreSQL targets take a pool size (name:N)`);
  return { ...target, name: spec, pool: pool === undefined ? pgPool : Number(pool) };
};
const targets = values.targets.split(",");
targets.forEach(parseTarget);

const db = new BetterSqlite3(file, { readonly: true });
const requests = sampleRequests(db, 5000);
// More checks (--checks 1000) catch rarer differences between targets, e.g. the order of ties.
const checks = sampleRequests(db, Number(values.checks), 99);
const sqliteArticles = db.prepare(`SELECT COUNT(*) FROM "Article"`).pluck().get() as number;
db.close();

// The PostgreSQL copy must be of this corpus: the requests are sampled from the SQLite file.
if (targets.some((spec) => parseTarget(spec).postgres)) {
  const client = new pg.Client({ connectionString: pgUrl });
  const hint = `run \`npm run bench:pg:load-corpus -- --articles ${articles}${values["pg-url"] ? ` --url ${redactUrl(pgUrl)}` : ""}\` first`;
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "Article"`);
    if (rows[0]!.n !== sqliteArticles) throw new Error(`${redactUrl(pgUrl)} holds ${rows[0]!.n} articles, ${file} ${sqliteArticles}: ${hint}`);
  } catch (error) {
    if ((error as Error).message.includes(hint)) throw error;
    throw new Error(`${redactUrl(pgUrl)} is not a copy of the corpus (${(error as Error).message}): ${hint}`, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
const pgDatabase = decodeURIComponent(new URL(pgUrl).pathname.slice(1));


/** How long a stats answer may take: the server answers between requests, so a blocked event loop delays it. */
const STATS_TIMEOUT_MS = 120_000;

interface RunningTarget {
  child: ChildProcess;
  url: string;
  stats: () => Promise<Stats>;
  /** Set once the server process exited: how. */
  exited: () => string | undefined;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves once the process is gone. */
  stop: (graceMs?: number) => Promise<void>;
}

async function startTarget(name: string): Promise<RunningTarget> {
  const { kind, env, postgres, pool } = parseTarget(name);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.NODE_ENV) delete childEnv.NODE_ENV;
  const database = postgres ? [pgUrl, String(pool)] : [file];
  const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "load/server.ts"), kind, ...database], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    env: childEnv,
  });
  let exit: string | undefined;
  const gone = new Promise<void>((done) =>
    child.once("exit", (code, signal) => {
      exit = signal ? `killed by ${signal}` : `exit code ${code}`;
      done();
    }),
  );
  const stop = async (graceMs = 20_000) => {
    if (exit === undefined) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await gone;
    clearTimeout(timer);
  };
  try {
    const url = await new Promise<string>((done, fail) => {
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /listening (\S+)/.exec(out);
        if (match) done(match[1]!);
      });
      void gone.then(() => fail(new Error(`${name} exited (${exit}) before it listened`)));
    });
    const stats = () =>
      new Promise<Stats>((done, fail) => {
        const finish = (error?: Error, message?: unknown) => {
          clearTimeout(timer);
          child.off("message", onMessage);
          child.off("exit", onExit);
          if (error) fail(error);
          else done(message as Stats);
        };
        const onMessage = (message: unknown) => finish(undefined, message);
        const onExit = () => finish(new Error(`the ${name} server exited (${exit})`));
        const timer = setTimeout(() => finish(new Error(`the ${name} server did not answer "stats" within ${STATS_TIMEOUT_MS / 1000} s`)), STATS_TIMEOUT_MS);
        if (exit !== undefined) return onExit();
        child.on("message", onMessage);
        child.once("exit", onExit);
        child.send("stats");
      });
    return { child, url, stats, exited: () => exit, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function post(url: string, r: Request): Promise<unknown> {
  const op = /query (\w+)/.exec(OPERATIONS[r.op])![1];
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ operationName: op, query: OPERATIONS[r.op], variables: r.variables }) });
  return response.json();
}

interface ClientResult {
  latencies: number[];
  errors: number;
  /** Requests that got no answer (connection reset or closed), also counted in `errors`. */
  connectionErrors: number;
  connectionErrorMessages: string[];
  cacheHits: number;
  bytes: number;
  elapsed: number;
  cpuSeconds: number;
}

function runClient(url: string): Promise<ClientResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "load/client.ts")], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    // Shown as it comes, and kept: the first error line goes into the target's `error`.
    child.stderr.on("data", (chunk: Buffer) => {
      process.stderr.write(chunk);
      err += chunk.toString();
    });
    child.on("close", (code) => {
      if (code === 0) return done(JSON.parse(out) as ClientResult);
      const reason = /^\w*Error\b.*$/m.exec(err)?.[0] ?? err.trim().split("\n").at(-1) ?? "";
      fail(new Error(`the load generator exited with ${code}${reason ? `: ${reason}` : ""}`));
    });
    child.stdin.end(JSON.stringify({ url, requests, connections, seconds, warmup }));
  });
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const answers = new Map<string, unknown[]>();
const results: Record<string, unknown>[] = [];
for (const name of targets) {
  process.stderr.write(`${name.padEnd(10)} starting… `);
  let target: RunningTarget | undefined;
  try {
    target = await startTarget(name);
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
    // CPU over the whole load window, in cores: who used the two cores while this target ran.
    const cpuBefore = { server: (await target.stats()).cpuSeconds, postgres: postgresCpuSeconds(pgDatabase), machine: machineCpuSeconds(), at: performance.now() };
    const load = await runClient(target.url);
    const stats = await target.stats();
    const wall = (performance.now() - cpuBefore.at) / 1000;
    const cores = (used: number) => +(used / wall).toFixed(2);
    const serverCores = cores(stats.cpuSeconds - cpuBefore.server);
    const clientCores = cores(load.cpuSeconds);
    const postgresCores = cores(postgresCpuSeconds(pgDatabase) - cpuBefore.postgres);
    const machineAfter = machineCpuSeconds();
    const processCores = cores(machineAfter.processes - cpuBefore.machine.processes);
    const interruptCores = cores(machineAfter.interrupts - cpuBefore.machine.interrupts);
    const sorted = load.latencies.sort((a, b) => a - b);
    const statementsPerOp = Object.fromEntries(OPERATION_NAMES.map((op) => {
      const counts = perOp.get(op) ?? [];
      return [op, +(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)).toFixed(1)];
    }));
    const reqPerSec = Math.round(load.latencies.length / load.elapsed);
    const row = {
      target: name,
      reqPerSec,
      p50Ms: +quantile(sorted, 0.5).toFixed(2),
      p99Ms: +quantile(sorted, 0.99).toFixed(2),
      requests: load.latencies.length,
      errors: load.errors,
      connectionErrors: load.connectionErrors,
      cacheHits: load.cacheHits,
      // Same answers, same size: a target whose mean differs answered something else under load.
      bytesPerRequest: Math.round(load.bytes / Math.max(1, load.latencies.length)),
      statementsPerRequest: +(Object.values(statementsPerOp).reduce((a, b) => a + b, 0) / OPERATION_NAMES.length).toFixed(1),
      peakRssMb: stats.maxRssMb,
      cpuCores: {
        server: serverCores,
        postgres: postgresCores,
        client: clientCores,
        interrupts: interruptCores,
        others: +Math.max(0, processCores - serverCores - postgresCores - clientCores).toFixed(2),
        machine: +(processCores + interruptCores).toFixed(2),
      },
      // CPU per request (cores over the window ÷ req/s) holds up better than req/s when a
      // neighbour takes part of the machine.
      cpuMsPerRequest: {
        server: +((serverCores * 1000) / Math.max(1, reqPerSec)).toFixed(2),
        postgres: +((postgresCores * 1000) / Math.max(1, reqPerSec)).toFixed(2),
      },
      ...(parseTarget(name).postgres ? { pgPool: parseTarget(name).pool } : {}),
      statementsPerOp,
      memory: stats.memory,
      ...(load.connectionErrorMessages.length ? { connectionErrorMessages: load.connectionErrorMessages } : {}),
    };
    results.push(row);
    process.stderr.write(`${row.reqPerSec} req/s (cores: server ${serverCores}, postgres ${postgresCores}, load ${clientCores}, interrupts ${interruptCores}, others ${row.cpuCores.others})\n`);
    if (load.connectionErrors) process.stderr.write(`  ${load.connectionErrors} requests got no answer: ${load.connectionErrorMessages.join("; ")}\n`);
  } catch (error) {
    // Keep what the other targets measured: this one gets its error, and the run goes on.
    const exited = target?.exited();
    const error_ = `${(error as Error).message}${exited && !(error as Error).message.includes(exited) ? ` (the server ${exited})` : ""}`;
    results.push({ target: name, error: error_ });
    process.stderr.write(`FAILED: ${error_}\n`);
  } finally {
    // Wait until the server (and, for api-workers, its workers) is gone: the next target gets the cores.
    await target?.stop();
  }
}
const measured = results.filter((r) => r.error === undefined);
const failed = results.filter((r) => r.error !== undefined);

// Every target must answer like the floor (same data, same order); otherwise the numbers compare
// different work.
const canonical = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(canonical) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)])) : value;
// The first target that answered the checks (the first target unless it failed).
const [referenceName, reference = []] = [...answers.entries()][0] ?? [targets[0]!, []];
const mismatches: string[] = [];
for (const [name, got] of answers) {
  got.forEach((answer, i) => {
    if (!isDeepStrictEqual(canonical(answer), canonical(reference[i]))) mismatches.push(`${name} differs from ${referenceName} on ${checks[i]!.op} ${JSON.stringify(checks[i]!.variables)}`);
  });
}

// `api-pg` also finds `api-pg:N` (the first pool size run).
const find = (name: string) => measured.find((r) => r.target === name || (r.target as string).startsWith(`${name}:`)) as { reqPerSec: number } | undefined;
// Like for like: the API as `npm start` runs it (NODE_ENV=production) against the naive server in
// the same mode when both were run, else the plain targets.
const prod = find("api-prod") !== undefined;
const api = find("api-prod") ?? find("api");
const naive = (prod ? find("naive-prod") : undefined) ?? find("naive");
const ratio = (a: { reqPerSec: number } | undefined, b: { reqPerSec: number } | undefined, digits = 3) => (a && b ? +(a.reqPerSec / b.reqPerSec).toFixed(digits) : null);
const ratios = {
  apiOverFloor: ratio(api, find("floor")),
  apiOverNaive: ratio(api, naive, 2),
  // PostgreSQL: the API against its own floor, and each against its SQLite counterpart.
  apiPgOverFloorPg: ratio(find("api-pg"), find("floor-pg")),
  apiPgOverApi: ratio(find("api-pg"), api),
  floorPgOverFloor: ratio(find("floor-pg"), find("floor")),
  // Two cluster workers against one process, both NODE_ENV=production.
  apiWorkersOverApi: ratio(find("api-workers"), find("api-prod")),
};
const flat = (prefix: string, values: unknown) => Object.fromEntries(Object.entries(values as Record<string, number>).map(([k, v]) => [`${prefix} ${k}`, v]));
console.table(results.map(({ statementsPerOp, memory, cpuCores, cpuMsPerRequest, connectionErrorMessages, ...row }) => ({ ...row, ...flat("cpu", cpuCores ?? {}), ...flat("ms/req", cpuMsPerRequest ?? {}) })));
console.table(Object.fromEntries(measured.map((r) => [r.target as string, r.statementsPerOp])));
for (const r of failed) console.log(`FAILED ${r.target}: ${r.error}`);
console.log(`ratios: API/floor ${ratios.apiOverFloor}, API/naive ${ratios.apiOverNaive} (${articles} articles, ${connections} connections, ${seconds} s each)`);
if (ratios.apiWorkersOverApi !== null) console.log(`workers: api-workers/api-prod ${ratios.apiWorkersOverApi}`);
if (find("api-pg") || find("floor-pg")) console.log(`PostgreSQL: api-pg/floor-pg ${ratios.apiPgOverFloorPg}, api-pg/API ${ratios.apiPgOverApi}, floor-pg/floor ${ratios.floorPgOverFloor} (${redactUrl(pgUrl)})`);
if (mismatches.length) console.log(`ANSWERS DIFFER (${mismatches.length}):\n  ${mismatches.slice(0, 10).join("\n  ")}`);
else console.log(`answers: all ${answers.size === targets.length ? "" : `${answers.size} of ${targets.length} `}targets answered the ${checks.length} check requests identically`);

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), node: process.version };
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
const stem = `load-${articles}${values.tag ? `-${values.tag}` : ""}`;
const postgres = targets.some((spec) => parseTarget(spec).postgres) ? { url: redactUrl(pgUrl), pool: pgPool } : undefined;
writeFileSync(join(out, `${stem}.json`), `${JSON.stringify({ articles, file, postgres, connections, seconds, warmup, machine, results, ratios, mismatches }, null, 2)}\n`);
writeFileSync(join(out, `${stem}.svg`), barChartSvg(`Analyst mix over HTTP, ${articles} articles, ${connections} connections (req/s)`, results.map((r) => (r.error === undefined ? { label: r.target as string, value: r.reqPerSec as number, note: `p50 ${r.p50Ms} ms · p99 ${r.p99Ms} ms` } : { label: r.target as string, value: 0, note: `failed: ${String(r.error).slice(0, 80)}` }))));
console.log(`→ bench/results/${stem}.json, ${stem}.svg`);
