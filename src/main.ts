// First: production semantics for graphql-js before it is loaded (src/perf/productionMode.ts).
import "./perf/productionMode.js";
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { prepareDatabase } from "./app/prepareDatabase.js";
import { reportListening, serveInWorkers, workerCountFromEnv } from "./app/serveInWorkers.js";
import { startServer } from "./app/startServer.js";
import { accessPolicyFromEnv } from "./auth/authenticate.js";
import { responseCacheMbFromEnv } from "./cache/responseCacheMbFromEnv.js";
import { progressLine } from "./cli/progressLine.js";
import { databaseTarget } from "./db/databaseTarget.js";
import { readUrlFromEnv } from "./db/readUrlFromEnv.js";
import { jsonLogger } from "./server/logger.js";
import { redactUrl } from "./db/redactUrl.js";

// `npm start`: migrate, seed an empty database, serve. Configuration comes from the environment.
// With TAAWUN_WORKERS=N (or auto) this process prepares the database and N forked copies of it
// serve on the shared port (src/app/serveInWorkers.ts); they skip straight to serving.
const logger = jsonLogger;
const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.error("PORT must be a port number", { PORT: process.env.PORT });
  process.exit(1);
}

/** Runs `stop` once, whichever of SIGINT (a terminal's Ctrl-C reaches workers too) and SIGTERM comes first. */
function onSignals(stop: () => Promise<void>) {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!cluster.isWorker) logger.info("shutting down", { signal });
    stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  // A worker whose primary is gone would keep its share of the socket but get no connections.
  if (cluster.isWorker) process.on("disconnect", () => shutdown("disconnect"));
}

try {
  const target = databaseTarget();
  // Read before migrating, so a mistyped value stops the start before it touches the database.
  const responseCacheMb = responseCacheMbFromEnv();
  const workers = workerCountFromEnv(process.env.TAAWUN_WORKERS, availableParallelism());
  const readUrl = readUrlFromEnv(target);
  const where = target.provider === "sqlite" ? target.file : redactUrl(target.url) + (readUrl ? `, reads from ${redactUrl(readUrl)}` : "");
  if (cluster.isPrimary) await prepareDatabase(target, logger, progressLine());
  if (cluster.isPrimary && workers > 1) {
    const pool = await serveInWorkers(workers, logger);
    logger.info("listening", { url: pool.url.replace("0.0.0.0", "localhost"), ide: pool.url.replace("0.0.0.0", "localhost").replace(/graphql$/, ""), database: where, workers });
    onSignals(() => pool.stop());
  } else {
    const running = await startServer({
      file: target,
      ...(process.env.TAAWUN_PG_POOL_SIZE ? { poolSize: Number(process.env.TAAWUN_PG_POOL_SIZE) } : {}),
      ...(readUrl ? { readUrl } : {}),
      port,
      host: process.env.HOST ?? "0.0.0.0",
      logger,
      // Both default on; a production deployment that wants neither sets them to "false".
      introspection: process.env.TAAWUN_INTROSPECTION !== "false",
      // Compiled reads answer from SQL-built JSON; false sends every read through the resolvers.
      compiledReads: process.env.TAAWUN_COMPILED_READS !== "false",
      ide: { distDir: resolve(import.meta.dirname, "../dist/ide"), enabled: process.env.TAAWUN_IDE !== "false" },
      // Reads are public unless TAAWUN_REQUIRE_KEY_FOR_READS=true; writes always need a key.
      requireKeyForReads: accessPolicyFromEnv().requireKeyForReads,
      // Anonymous read answers kept in memory, dropped on every write (docs/response-cache.md).
      responseCacheMb,
    });
    if (cluster.isWorker) reportListening(running.url);
    else logger.info("listening", { url: running.url.replace("0.0.0.0", "localhost"), ide: running.url.replace("0.0.0.0", "localhost").replace(/graphql$/, ""), database: where });
    onSignals(() => running.stop());
  }
} catch (error) {
  logger.error((error as Error).message);
  process.exit(1);
}
