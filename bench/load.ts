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

// `npm run bench:load -- --articles 10000 [--connections 32] [--seconds 20] [--warmup 3] [--rounds 1]
//   [--targets floor,api,naive] [--pg-url postgres://…/bench_corpus_10000] [--pg-read-url postgres://standby/…]
//   [--pg-pool 10] [--checks 25] [--tag name]`
// HTTP load on the analyst mix against each target in turn (its own server process, loaded from a
// second process over 127.0.0.1), all in one run: req/s, p50/p99, SQL statements per operation,
// peak RSS, CPU (server, load generator, PostgreSQL, kernel interrupts, other processes), and the
// ratios API/floor and API/naive (and on PostgreSQL API/floor and PostgreSQL/SQLite). `api-workers`
// is the API as `TAAWUN_WORKERS=2 npm start` serves it (a cluster primary and two workers; its
// statements, CPU and RSS are the sums over the three processes); `floor-workers` is the floor in
// the same two workers, and api-workers/floor-workers the like-for-like ratio on both cores.
// `--rounds R` (R > 1) interleaves the targets, because this machine's speed drifts by tens of
// percent over minutes: every server is started first, then R rounds each load every target in
// turn for --seconds (after --warmup), so all targets sample the drift alike. A row then holds the
// aggregate over its rounds (req/s = requests ÷ measured seconds, p50/p99 over all latencies, CPU
// over all windows) and `rounds` (each round's req/s, p50/p99, CPU ms per request), and
// `ratioRounds` each ratio round by round with its median and range: compare medians, not one
// run's ratio. With --rounds 1 (the default) each server runs alone: start, check, load, stop. Before
// loading, the same sample requests are sent to every target and the answers compared with the
// first target's, so every target does the same work. The PostgreSQL targets (floor-pg, api-pg;
// `api-pg:4` for another pool size) read the copy `npm run bench:pg:load-corpus` makes. A target
// that fails (its server exits, the load generator fails) gets a row with `error` and the run
// goes on with the next target (with --rounds, without it in later rounds); every server is
// stopped at the end, also when the run fails. Writes bench/results/load-<N>[-tag].json and .svg.
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
    "pg-read-url": { type: "string" },
    "pg-pool": { type: "string", default: "10" },
    rounds: { type: "string", default: "1" },
    tag: { type: "string", default: "" },
  },
});
const articles = Number(values.articles);
const file = values.db ?? corpusFile(articles);
if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run bench:generate -- --articles ${articles}\` first.`);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a whole number from 1; got ${values.rounds}`);
const pgUrl = values["pg-url"] ?? benchPostgresUrl(articles);
const pgPool = Number(values["pg-pool"]);

/**
 * A target: the server kind and its environment. `api-prod` is the API with NODE_ENV=production;
 * `api-pg` is the same on PostgreSQL (production only: the development mode's cost is measured
 * on SQLite already).
 */
const TARGETS: Record<string, { kind: string; env: Record<string, string>; postgres?: boolean; replica?: boolean }> = {
  floor: { kind: "floor", env: {} },
  api: { kind: "api", env: {} },
  "api-prod": { kind: "api", env: { NODE_ENV: "production" } },
  // api-prod with the response cache as `npm start` ships it (64 MB): the mix's 5,000 requests
  // repeat, so after their first pass nearly every answer is a hit. Reported apart, never in a ratio.
  "api-cached": { kind: "api", env: { NODE_ENV: "production", TAAWUN_BENCH_RESPONSE_CACHE_MB: "64" } },
  // api-prod with compiled reads off (TAAWUN_COMPILED_READS=false): every field through its resolver,
  // as the API answered before the sixth pass (docs/performance.md).
  "api-resolvers": { kind: "api", env: { NODE_ENV: "production", TAAWUN_COMPILED_READS: "false" } },
  // The API in two cluster workers, as `TAAWUN_WORKERS=2 npm start` runs it (src/app/serveInWorkers.ts).
  "api-workers": { kind: "api-workers", env: { NODE_ENV: "production" } },
  // The floor in two cluster workers on the shared port (the same serveInWorkers pool): api-workers' baseline.
  "floor-workers": { kind: "floor-workers", env: {} },
  naive: { kind: "naive", env: {} },
  "naive-prod": { kind: "naive", env: { NODE_ENV: "production" } },
  "floor-pg": { kind: "floor-pg", env: {}, postgres: true },
  "api-pg": { kind: "api-pg", env: { NODE_ENV: "production" }, postgres: true },
  // api-pg with compiled reads off: every read through the resolvers.
  "api-pg-resolvers": { kind: "api-pg", env: { NODE_ENV: "production", TAAWUN_COMPILED_READS: "false" }, postgres: true },
  // api-pg reading from a streaming standby of --pg-url (--pg-read-url, as DATABASE_READ_URL), and
  // the same with the response cache, which then waits for the standby after each write.
  "api-pg-replica": { kind: "api-pg", env: { NODE_ENV: "production" }, postgres: true, replica: true },
  "api-pg-replica-cached": { kind: "api-pg", env: { NODE_ENV: "production", TAAWUN_BENCH_RESPONSE_CACHE_MB: "64" }, postgres: true, replica: true },
  // An experiment on the API's PostgreSQL batches (bench/load/anyArrayBatches.ts), not the shipped code.
};
/** `name` or, for a PostgreSQL target, `name:<pool size>` (default --pg-pool). */
const parseTarget = (spec: string) => {
  const [name = "", pool] = spec.split(":");
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown target ${spec}; known: ${Object.keys(TARGETS).join(", ")}`);
  if (pool !== undefined && (!target.postgres || !/^\d+$/.test(pool))) throw new Error(`${spec}: only PostgreSQL targets take a pool size (name:N)`);
  if (target.replica && !values["pg-read-url"]) throw new Error(`${spec} reads from a streaming standby of --pg-url: give its URL with --pg-read-url postgres://…`);
  const env = target.replica ? { ...target.env, TAAWUN_BENCH_READ_URL: values["pg-read-url"]! } : target.env;
  return { ...target, env, name: spec, pool: pool === undefined ? pgPool : Number(pool) };
};
const targets = values.targets.split(",");
targets.forEach(parseTarget);
if (new Set(targets).size !== targets.length) throw new Error(`--targets names a target twice: ${values.targets}`);

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

const quantile = (sorted: ArrayLike<number>, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const sumOf = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

/** One load window on one target (one round): what the load generator and the CPU counters saw. */
interface LoadWindow {
  load: ClientResult;
  /** Seconds from just before the load generator started (its warmup included) until the server's stats after it. */
  wall: number;
  /** CPU seconds used over `wall`: the server's processes, PostgreSQL, the load generator, every process on the machine, kernel interrupts. */
  cpu: { server: number; postgres: number; client: number; processes: number; interrupts: number };
}

/** A target whose server is up and answered the checks; its load windows, one per round so far. */
interface Prepared {
  name: string;
  target: RunningTarget;
  perOp: Map<OperationName, number[]>;
  windows: LoadWindow[];
  /** The server's last answer to "stats" (peak RSS and memory samples for the row). */
  stats?: Stats;
}

const answers = new Map<string, unknown[]>();
/** Each target's row (its aggregate over the rounds, or its error), by name; written in --targets order. */
const rows = new Map<string, Record<string, unknown>>();
/** Every server started and not yet known to be stopped: stopped at the end whatever happens. */
const running = new Set<RunningTarget>();

async function stopTarget(target: RunningTarget | undefined) {
  if (!target) return;
  // Wait until the server (and, for the cluster targets, its workers) is gone.
  await target.stop();
  running.delete(target);
}

/** A target failed: it keeps an `error` row, and the run goes on with the others. */
function markFailed(name: string, target: RunningTarget | undefined, error: unknown, round?: number) {
  const exited = target?.exited();
  const error_ = `${(error as Error).message}${exited && !(error as Error).message.includes(exited) ? ` (the server ${exited})` : ""}`;
  rows.set(name, { target: name, error: error_, ...(round !== undefined && rounds > 1 ? { failedInRound: round } : {}) });
  process.stderr.write(`FAILED: ${error_}\n`);
}

/** Starts the target's server and sends it the check requests one at a time, counting statements around each. */
async function prepare(name: string): Promise<Prepared | undefined> {
  process.stderr.write(`${name.padEnd(10)} starting… `);
  let target: RunningTarget | undefined;
  try {
    target = await startTarget(name);
    running.add(target);
    const perOp = new Map<OperationName, number[]>();
    const got: unknown[] = [];
    for (const check of checks) {
      const before = (await target.stats()).statements;
      got.push(await post(target.url, check));
      const after = (await target.stats()).statements;
      perOp.set(check.op, [...(perOp.get(check.op) ?? []), after - before]);
    }
    answers.set(name, got);
    if (rounds > 1) process.stderr.write(`answered the ${checks.length} checks\n`);
    return { name, target, perOp, windows: [] };
  } catch (error) {
    markFailed(name, target, error);
    await stopTarget(target);
    return undefined;
  }
}

/** CPU cores, p50/p99 and req/s over some of a target's load windows (one round, or all of them). */
function summarize(windows: LoadWindow[]) {
  const wall = sumOf(windows, (w) => w.wall);
  const cores = (pick: (w: LoadWindow) => number) => +(sumOf(windows, pick) / wall).toFixed(2);
  const server = cores((w) => w.cpu.server);
  const postgres = cores((w) => w.cpu.postgres);
  const client = cores((w) => w.cpu.client);
  const processes = cores((w) => w.cpu.processes);
  const interrupts = cores((w) => w.cpu.interrupts);
  const latencies = new Float64Array(sumOf(windows, (w) => w.load.latencies.length));
  let at = 0;
  for (const w of windows) {
    latencies.set(w.load.latencies, at);
    at += w.load.latencies.length;
  }
  latencies.sort();
  const reqPerSec = Math.round(latencies.length / sumOf(windows, (w) => w.load.elapsed));
  return {
    reqPerSec,
    p50Ms: +quantile(latencies, 0.5).toFixed(2),
    p99Ms: +quantile(latencies, 0.99).toFixed(2),
    requests: latencies.length,
    // CPU over the load windows, in cores: who used the two cores while this target ran.
    cpuCores: { server, postgres, client, interrupts, others: +Math.max(0, processes - server - postgres - client).toFixed(2), machine: +(processes + interrupts).toFixed(2) },
    // CPU per request (cores over the window ÷ req/s) holds up better than req/s when a
    // neighbour takes part of the machine.
    cpuMsPerRequest: { server: +((server * 1000) / Math.max(1, reqPerSec)).toFixed(2), postgres: +((postgres * 1000) / Math.max(1, reqPerSec)).toFixed(2) },
  };
}

/** One load window on a prepared target (warmup included, as every window); false if the target failed. */
async function loadOnce(p: Prepared, round: number): Promise<boolean> {
  if (rounds > 1) process.stderr.write(`round ${round}/${rounds} ${p.name.padEnd(13)} `);
  try {
    process.stderr.write(`loading ${connections} connections for ${warmup}+${seconds} s… `);
    const before = { server: (await p.target.stats()).cpuSeconds, postgres: postgresCpuSeconds(pgDatabase), machine: machineCpuSeconds(), at: performance.now() };
    const load = await runClient(p.target.url);
    const stats = await p.target.stats();
    const wall = (performance.now() - before.at) / 1000;
    const machineAfter = machineCpuSeconds();
    const window: LoadWindow = {
      load,
      wall,
      cpu: {
        server: stats.cpuSeconds - before.server,
        postgres: postgresCpuSeconds(pgDatabase) - before.postgres,
        client: load.cpuSeconds,
        processes: machineAfter.processes - before.machine.processes,
        interrupts: machineAfter.interrupts - before.machine.interrupts,
      },
    };
    p.windows.push(window);
    p.stats = stats;
    const { reqPerSec, cpuCores } = summarize([window]);
    process.stderr.write(`${reqPerSec} req/s (cores: server ${cpuCores.server}, postgres ${cpuCores.postgres}, load ${cpuCores.client}, interrupts ${cpuCores.interrupts}, others ${cpuCores.others})\n`);
    if (load.connectionErrors) process.stderr.write(`  ${load.connectionErrors} requests got no answer: ${load.connectionErrorMessages.join("; ")}\n`);
    return true;
  } catch (error) {
    markFailed(p.name, p.target, error, round);
    await stopTarget(p.target);
    return false;
  }
}

/** A measured target's row: the aggregate over its rounds (and, with --rounds > 1, each round). */
function rowOf(p: Prepared): Record<string, unknown> {
  const { windows, stats } = p;
  const all = summarize(windows);
  const statementsPerOp = Object.fromEntries(OPERATION_NAMES.map((op) => {
    const counts = p.perOp.get(op) ?? [];
    return [op, +(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)).toFixed(1)];
  }));
  const connectionErrorMessages = [...new Set(windows.flatMap((w) => w.load.connectionErrorMessages))].slice(0, 5);
  return {
    target: p.name,
    reqPerSec: all.reqPerSec,
    p50Ms: all.p50Ms,
    p99Ms: all.p99Ms,
    requests: all.requests,
    errors: sumOf(windows, (w) => w.load.errors),
    connectionErrors: sumOf(windows, (w) => w.load.connectionErrors),
    cacheHits: sumOf(windows, (w) => w.load.cacheHits),
    // Same answers, same size: a target whose mean differs answered something else under load.
    bytesPerRequest: Math.round(sumOf(windows, (w) => w.load.bytes) / Math.max(1, all.requests)),
    statementsPerRequest: +(Object.values(statementsPerOp).reduce((a, b) => a + b, 0) / OPERATION_NAMES.length).toFixed(1),
    peakRssMb: stats!.maxRssMb,
    cpuCores: all.cpuCores,
    cpuMsPerRequest: all.cpuMsPerRequest,
    ...(parseTarget(p.name).postgres ? { pgPool: parseTarget(p.name).pool } : {}),
    statementsPerOp,
    memory: stats!.memory,
    ...(rounds > 1 ? { rounds: windows.map((w) => {
      const { reqPerSec, p50Ms, p99Ms, cpuMsPerRequest, cpuCores } = summarize([w]);
      // Cores other processes took in this window: a neighbour skews one round, not all of them.
      return { reqPerSec, p50Ms, p99Ms, cpuMsPerRequest, othersCores: cpuCores.others };
    }) } : {}),
    ...(connectionErrorMessages.length ? { connectionErrorMessages } : {}),
  };
}

// --rounds 1: each target in turn, its server alone on the machine (start, check, load, stop).
// --rounds R: every server started (and checked) first, then R rounds each loading every target
// in turn, so all targets sample the machine's drift alike; the servers not loaded sit idle.
try {
  for (const group of rounds === 1 ? targets.map((name) => [name]) : [targets]) {
    const live: Prepared[] = [];
    for (const name of group) {
      const p = await prepare(name);
      if (p) live.push(p);
    }
    for (let round = 1; round <= rounds; round++) {
      for (const p of [...live]) {
        if (!(await loadOnce(p, round))) live.splice(live.indexOf(p), 1);
      }
    }
    for (const p of live) rows.set(p.name, rowOf(p));
    await Promise.all(live.map((p) => stopTarget(p.target)));
  }
} finally {
  // Also when the driver fails: never leave a server behind.
  await Promise.all([...running].map(stopTarget));
}
const results = targets.map((name) => rows.get(name)!);
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
type Measured = { reqPerSec: number; rounds?: { reqPerSec: number }[] };
const find = (name: string) => measured.find((r) => r.target === name || (r.target as string).startsWith(`${name}:`)) as Measured | undefined;
// Like for like: the API as `npm start` runs it (NODE_ENV=production) against the naive server in
// the same mode when both were run, else the plain targets.
const prod = find("api-prod") !== undefined;
const api = find("api-prod") ?? find("api");
const naive = (prod ? find("naive-prod") : undefined) ?? find("naive");
/** Every ratio: its label, numerator, denominator and digits. */
const RATIOS = {
  apiOverFloor: ["API/floor", api, find("floor"), 3],
  apiOverNaive: ["API/naive", api, naive, 2],
  // PostgreSQL: the API against its own floor, and each against its SQLite counterpart.
  apiPgOverFloorPg: ["api-pg/floor-pg", find("api-pg"), find("floor-pg"), 3],
  apiPgOverApi: ["api-pg/API", find("api-pg"), api, 3],
  floorPgOverFloor: ["floor-pg/floor", find("floor-pg"), find("floor"), 3],
  // Two cluster workers against one process, both NODE_ENV=production.
  apiWorkersOverApi: ["api-workers/api-prod", find("api-workers"), find("api-prod"), 3],
  // Both on two cluster workers: the like-for-like comparison when the API uses both cores.
  apiWorkersOverFloorWorkers: ["api-workers/floor-workers", find("api-workers"), find("floor-workers"), 3],
} satisfies Record<string, [string, Measured | undefined, Measured | undefined, number]>;
const ratios = Object.fromEntries(Object.entries(RATIOS).map(([key, [, a, b, digits]]) => [key, a && b ? +(a.reqPerSec / b.reqPerSec).toFixed(digits) : null])) as Record<keyof typeof RATIOS, number | null>;
// With --rounds R: each ratio round by round (the targets of a round ran minutes apart at most),
// and the median and range, which the machine's drift moves less than one sequential run's ratio.
const ratioRounds = rounds === 1 ? undefined : Object.fromEntries(Object.entries(RATIOS).map(([key, [, a, b, digits]]) => {
  if (!a?.rounds || !b?.rounds) return [key, null];
  const round = (value: number) => +value.toFixed(digits);
  const perRound = a.rounds.map((r, i) => r.reqPerSec / b.rounds![i]!.reqPerSec);
  const sorted = [...perRound].sort((x, y) => x - y);
  const median = (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
  return [key, { perRound: perRound.map(round), median: round(median), min: round(sorted[0]!), max: round(sorted.at(-1)!) }];
})) as Record<keyof typeof RATIOS, { perRound: number[]; median: number; min: number; max: number } | null>;
const flat = (prefix: string, values: unknown) => Object.fromEntries(Object.entries(values as Record<string, number>).map(([k, v]) => [`${prefix} ${k}`, v]));
console.table(results.map(({ statementsPerOp, memory, cpuCores, cpuMsPerRequest, connectionErrorMessages, rounds: _, ...row }) => ({ ...row, ...flat("cpu", cpuCores ?? {}), ...flat("ms/req", cpuMsPerRequest ?? {}) })));
console.table(Object.fromEntries(measured.map((r) => [r.target as string, r.statementsPerOp])));
for (const r of failed) console.log(`FAILED ${r.target}: ${r.error}`);
console.log(`ratios: API/floor ${ratios.apiOverFloor}, API/naive ${ratios.apiOverNaive} (${articles} articles, ${connections} connections, ${seconds} s each${rounds > 1 ? `, ${rounds} rounds` : ""})`);
const workers = [ratios.apiWorkersOverApi !== null ? `api-workers/api-prod ${ratios.apiWorkersOverApi}` : "", ratios.apiWorkersOverFloorWorkers !== null ? `api-workers/floor-workers ${ratios.apiWorkersOverFloorWorkers}` : ""].filter(Boolean);
if (workers.length) console.log(`workers: ${workers.join(", ")}`);
if (find("api-pg") || find("floor-pg")) console.log(`PostgreSQL: api-pg/floor-pg ${ratios.apiPgOverFloorPg}, api-pg/API ${ratios.apiPgOverApi}, floor-pg/floor ${ratios.floorPgOverFloor} (${redactUrl(pgUrl)})`);
for (const [key, value] of Object.entries(ratioRounds ?? {})) {
  if (value) console.log(`${RATIOS[key as keyof typeof RATIOS][0]} per round: median ${value.median} (${value.min}–${value.max}) over ${value.perRound.length} rounds: ${value.perRound.join(", ")}`);
}
if (mismatches.length) console.log(`ANSWERS DIFFER (${mismatches.length}):\n  ${mismatches.slice(0, 10).join("\n  ")}`);
else console.log(`answers: all ${answers.size === targets.length ? "" : `${answers.size} of ${targets.length} `}targets answered the ${checks.length} check requests identically`);

const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGb: +(totalmem() / 2 ** 30).toFixed(1), node: process.version };
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
const stem = `load-${articles}${values.tag ? `-${values.tag}` : ""}`;
const postgres = targets.some((spec) => parseTarget(spec).postgres) ? { url: redactUrl(pgUrl), pool: pgPool } : undefined;
writeFileSync(join(out, `${stem}.json`), `${JSON.stringify({ articles, file, postgres, connections, seconds, warmup, ...(rounds > 1 ? { rounds } : {}), machine, results, ratios, ...(ratioRounds ? { ratioRounds } : {}), mismatches }, null, 2)}\n`);
writeFileSync(join(out, `${stem}.svg`), barChartSvg(`Analyst mix over HTTP, ${articles} articles, ${connections} connections (req/s${rounds > 1 ? ` over ${rounds} rounds` : ""})`, results.map((r) => (r.error === undefined ? { label: r.target as string, value: r.reqPerSec as number, note: `p50 ${r.p50Ms} ms · p99 ${r.p99Ms} ms` } : { label: r.target as string, value: 0, note: `failed: ${String(r.error).slice(0, 80)}` }))));
console.log(`→ bench/results/${stem}.json, ${stem}.svg`);
