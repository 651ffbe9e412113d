import cluster from "node:cluster";
import type { Worker } from "node:cluster";
import type { Logger } from "../server/logger.js";

/** The message a worker sends once it accepts connections. */
export interface WorkerListening {
  type: "taawun:listening";
  url: string;
}

/** How `serveInWorkers` tells the caller the pool is up, and how to stop it. */
export interface WorkerPool {
  /** The URL every worker listens on (they share the port). */
  url: string;
  workers: () => Worker[];
  /** Stops every worker the way SIGTERM stops one server: finish in-flight requests, close the database. */
  stop(): Promise<void>;
}

/** A worker that dies this soon after it started is not restarted: it would only die again. */
const MIN_LIFETIME_MS = 2_000;
/** Deaths further apart than this are unrelated; closer ones back off. */
const DEATH_WINDOW_MS = 60_000;

/**
 * How long to wait before replacing a worker, given how many died in the last minute (this one
 * included): at once for the first, then 1, 2, 4… s up to 30 s, so a request that kills every
 * worker it reaches cannot turn the primary into a fork loop.
 */
export function restartDelayMs(recentDeaths: number): number {
  return recentDeaths <= 1 ? 0 : Math.min(30_000, 1_000 * 2 ** (recentDeaths - 2));
}

/**
 * The primary's side of `TAAWUN_WORKERS=N`: forks N copies of the running script, which share
 * the listening socket (Node's cluster hands connections out round-robin), and restarts a worker
 * that dies while serving. The database stays coherent because nothing is shared in memory:
 * SQLite in WAL mode lets every process read while one writes, and each worker's response cache
 * checks `PRAGMA data_version`, which sees commits from other processes (docs/response-cache.md).
 *
 * The primary itself serves nothing; it migrates and seeds before forking (main.ts), so workers
 * never race to migrate.
 */
export function serveInWorkers(count: number, logger: Logger): Promise<WorkerPool> {
  let stopping = false;
  const started = new Map<Worker, number>();
  let deaths: number[] = [];
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
    return worker;
  };
  return new Promise((resolve, reject) => {
    const waiting = new Set<Worker>();
    for (let i = 0; i < count; i++) waiting.add(fork());
    cluster.on("message", (worker, message: WorkerListening) => {
      if (message?.type !== "taawun:listening") return;
      if (waiting.delete(worker) && waiting.size === 0) {
        logger.info("workers listening", { workers: count, pids: Object.values(cluster.workers ?? {}).map((w) => w?.process.pid) });
        resolve({ url: message.url, workers: () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined), stop });
      }
    });
    cluster.on("exit", (worker, code, signal) => {
      const lived = Date.now() - (started.get(worker) ?? 0);
      started.delete(worker);
      if (stopping) return;
      if (waiting.has(worker)) {
        stopping = true;
        stop().finally(() => reject(new Error(`A worker exited (${code ?? signal}) before it could serve; its error is logged above.`)));
        return;
      }
      if (lived < MIN_LIFETIME_MS) {
        logger.error("a worker died right after starting; not restarting it", { pid: worker.process.pid, code, signal });
        return;
      }
      const now = Date.now();
      deaths = [...deaths.filter((at) => now - at < DEATH_WINDOW_MS), now];
      const delayMs = restartDelayMs(deaths.length);
      logger.warn("a worker died; starting another", { pid: worker.process.pid, code, signal, inMs: delayMs });
      // Not unref'd: with every worker gone, this timer is what keeps the primary alive.
      setTimeout(() => {
        if (stopping) return;
        const replacement = fork();
        logger.info("worker started", { pid: replacement.process.pid });
      }, delayMs);
    });
  });

  async function stop(): Promise<void> {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    await Promise.all(
      alive.map(
        (worker) =>
          new Promise<void>((done) => {
            worker.once("exit", () => done());
            // The worker's own SIGTERM handler drains its requests and closes its database.
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  }
}

/** In a worker: tells the primary this worker accepts connections. */
export function reportListening(url: string): void {
  const message: WorkerListening = { type: "taawun:listening", url };
  process.send?.(message);
}

/** `TAAWUN_WORKERS`: a number of processes, or `auto` for one per core. Absent: 1 (no cluster). */
export function workerCountFromEnv(value: string | undefined, cores: number): number {
  if (value === undefined || value === "") return 1;
  if (value === "auto") return Math.max(1, cores);
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new Error(`TAAWUN_WORKERS must be a whole number from 1 to 256, or "auto" (one per core); got "${value}".`);
  }
  return n;
}
