// First: production semantics for graphql-js before it is loaded (src/perf/productionMode.ts).
import "./perf/productionMode.js";
import { resolve } from "node:path";
import { prepareDatabase } from "./app/prepareDatabase.js";
import { startServer } from "./app/startServer.js";
import { accessPolicyFromEnv } from "./auth/authenticate.js";
import { responseCacheMbFromEnv } from "./cache/responseCacheMbFromEnv.js";
import { progressLine } from "./cli/progressLine.js";
import { databaseTarget } from "./db/databaseTarget.js";
import { jsonLogger } from "./server/logger.js";
import { redactUrl } from "./db/redactUrl.js";

// `npm start`: migrate, seed an empty database, serve. Configuration comes from the environment.
const logger = jsonLogger;
const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  logger.error("PORT must be a port number", { PORT: process.env.PORT });
  process.exit(1);
}

try {
  const target = databaseTarget();
  // Read before migrating, so a mistyped value stops the start before it touches the database.
  const responseCacheMb = responseCacheMbFromEnv();
  await prepareDatabase(target, logger, progressLine());
  const running = await startServer({
    file: target,
    ...(process.env.TAAWUN_PG_POOL_SIZE ? { poolSize: Number(process.env.TAAWUN_PG_POOL_SIZE) } : {}),
    port,
    host: process.env.HOST ?? "0.0.0.0",
    logger,
    // Both default on; a production deployment that wants neither sets them to "false".
    introspection: process.env.TAAWUN_INTROSPECTION !== "false",
    ide: { distDir: resolve(import.meta.dirname, "../dist/ide"), enabled: process.env.TAAWUN_IDE !== "false" },
    // Reads are public unless TAAWUN_REQUIRE_KEY_FOR_READS=true; writes always need a key.
    requireKeyForReads: accessPolicyFromEnv().requireKeyForReads,
    // Anonymous read answers kept in memory, dropped on every write (docs/response-cache.md).
    responseCacheMb,
  });
  logger.info("listening", { url: running.url.replace("0.0.0.0", "localhost"), ide: running.url.replace("0.0.0.0", "localhost").replace(/graphql$/, ""), database: target.provider === "sqlite" ? target.file : redactUrl(target.url) });
  const shutdown = (signal: string) => {
    logger.info("shutting down", { signal });
    running.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  logger.error((error as Error).message);
  process.exit(1);
}
