import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate } from "../auth/authenticate.js";
import { clearAfterMutation } from "../cache/clearAfterMutation.js";
import { openResponseCache } from "../cache/openResponseCache.js";
import type { ResponseCache } from "../cache/ResponseCache.js";
import { createContext } from "../context/createContext.js";
import { createPrisma } from "../db/createPrisma.js";
import { DeadlineSql } from "../hardening/DeadlineSql.js";
import type { DatabaseTarget } from "../db/databaseTarget.js";
import { isStandby } from "../db/isStandby.js";
import { openReader } from "../db/openReader.js";
import { readUrlFromEnv } from "../db/readUrlFromEnv.js";
import { ReplicaSql } from "../db/ReplicaSql.js";
import { createHttpServer } from "../http/createHttpServer.js";
import type { RequestHandler } from "../http/createHttpServer.js";
import { createIdeHandler } from "../ide/serveIde.js";
import { createApolloServer } from "../server/createApolloServer.js";
import { primaryForMutations } from "../server/primaryForMutations.js";
import type { Logger } from "../server/logger.js";

export interface StartOptions {
  /** The database: a SQLite file path, or a target (SQLite or PostgreSQL). */
  file: string | DatabaseTarget;
  /** PostgreSQL read pool size (default 10); ignored for SQLite. */
  poolSize?: number;
  /**
   * PostgreSQL only: a read replica for the read pool (DATABASE_READ_URL). Mutations and API-key
   * checks still read from the primary. The response cache works with a streaming standby only
   * (it waits for each write to be replayed) and is off otherwise (docs/postgresql.md).
   */
  readUrl?: string;
  port: number;
  host?: string;
  logger: Logger;
  introspection?: boolean;
  /** Serve the bundled GraphQL IDE from this folder (`npm run build:ide`); off when omitted. */
  ide?: { distDir: string; enabled: boolean };
  /** Every request needs an API key (TAAWUN_REQUIRE_KEY_FOR_READS); default false: reads are public. */
  requireKeyForReads?: boolean;
  /** Per-request time limit in ms (default 10 s); past it the answer is 503 TIMEOUT. */
  requestTimeoutMs?: number;
  /**
   * Megabytes of anonymous read answers to keep in memory (docs/response-cache.md); 0 or omitted:
   * no cache. `npm start` reads TAAWUN_RESPONSE_CACHE_MB (default 64). Ignored where reads need a key.
   */
  responseCacheMb?: number;
  /** Answer the reads src/compiled supports from SQL-built JSON (default true; TAAWUN_COMPILED_READS). */
  compiledReads?: boolean;
}

/** How long `stop` lets in-flight requests finish before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 10_000;

/** A running API: its URL, and a `stop` that finishes in-flight requests and closes the database. */
export interface RunningServer {
  url: string;
  server: Server;
  /** The response cache, when there is one (for tests and diagnostics). */
  responseCache?: ResponseCache;
  stop(): Promise<void>;
}

/** Serves the API over a migrated database. Port 0 picks a free port (tests). */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const target: DatabaseTarget = typeof options.file === "string" ? { provider: "sqlite", file: options.file } : options.file;
  readUrlFromEnv(target, options.readUrl);
  const pool = options.poolSize === undefined ? {} : { poolSize: options.poolSize };
  const reader = openReader(options.readUrl === undefined ? target : { provider: "postgres", url: options.readUrl }, pool);
  const sql = reader.sql;
  // The primary's own small read pool, for what must see the latest commit: mutations, API keys.
  const primary = options.readUrl === undefined ? undefined : openReader(target, { poolSize: 4 });
  // Writes (mutations) go through Prisma on its own connection(s); reads stay on the reader.
  const prisma = createPrisma(target);
  const policy = { requireKeyForReads: options.requireKeyForReads ?? false };
  const apollo = createApolloServer({
    logger: options.logger,
    ...(options.introspection === undefined ? {} : { introspection: options.introspection }),
    ...(options.compiledReads === undefined ? {} : { compiledReads: options.compiledReads }),
  });
  // A cached answer skips authentication, so there is none where reads need a key. With a replica,
  // only a streaming standby: the cache stays off after each write until the standby has replayed
  // it (src/cache/replicaCatchUp.ts), and only a standby reports how far it has replayed.
  let standby = false;
  if (primary && (options.responseCacheMb ?? 0) > 0 && !policy.requireKeyForReads) {
    try {
      standby = await isStandby(reader.sql);
      if (!standby) options.logger.info("response cache off: DATABASE_READ_URL is not a streaming standby (pg_is_in_recovery() is false), so it cannot tell when a write has been replayed");
    } catch (error) {
      // Reads will fail until the replica answers, but the server still serves what it can
      // (mutations, health); without knowing what the replica is, the cache stays off.
      options.logger.warn("response cache off: could not ask DATABASE_READ_URL whether it is a standby; restart once it answers", { error: (error as Error).message });
    }
  }
  const cacheMb = primary && !standby ? 0 : (options.responseCacheMb ?? 0);
  const responseCache = policy.requireKeyForReads ? undefined : await openResponseCache(target, reader, cacheMb, options.logger, {}, primary?.sql);
  if (responseCache) apollo.addPlugin(clearAfterMutation(responseCache.wrote));
  if (primary) apollo.addPlugin(primaryForMutations);
  await apollo.start();
  const before: RequestHandler[] = options.ide ? [createIdeHandler(options.ide)] : [];
  const server = createHttpServer(
    apollo,
    async (req, deadline) => {
      const caller = await authenticate(req.headers.authorization, primary?.sql ?? sql, policy);
      if (!primary) return createContext(new DeadlineSql(sql, deadline), { caller, prisma });
      const routed = new ReplicaSql(sql, primary.sql);
      return createContext(new DeadlineSql(routed, deadline), { caller, prisma, usePrimary: () => routed.usePrimary() });
    },
    before,
    {
      ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
      ...(responseCache ? { cache: responseCache.cache } : {}),
    },
  );
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host ?? "127.0.0.1"}:${port}/graphql`;
  return {
    url,
    server,
    ...(responseCache ? { responseCache: responseCache.cache } : {}),
    async stop() {
      // close() stops accepting, drops idle keep-alive connections and waits for requests in
      // flight; a client that never finishes its request is cut off after the grace period.
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      cut.unref();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearTimeout(cut);
      await apollo.stop();
      await responseCache?.close();
      await prisma.$disconnect();
      await reader.close();
      await primary?.close();
    },
  };
}
