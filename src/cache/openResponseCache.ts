import type { DatabaseTarget } from "../db/databaseTarget.js";
import type { Reader } from "../db/openReader.js";
import { Sql } from "../db/Sql.js";
import type { SqlReader } from "../db/Sql.js";
import type { Logger } from "../server/logger.js";
import { dataVersionWatch } from "./dataVersionWatch.js";
import { listenForChanges } from "./listenForChanges.js";
import type { ChangeListenerOptions } from "./listenForChanges.js";
import { replicaCatchUp } from "./replicaCatchUp.js";
import { ResponseCache } from "./ResponseCache.js";

/** A response cache wired to its database's change signal; `close` stops listening. */
export interface OpenResponseCache {
  cache: ResponseCache;
  /** Tells the cache this process committed a write (its mutations), before the change signal arrives. */
  wrote(): void;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

/**
 * The response cache for a server, or undefined when `megabytes` is 0 (off). On SQLite every hit
 * first checks the read connection's data_version; on PostgreSQL a dedicated connection LISTENs
 * for the triggers' notifications, and this waits for its first attempt so a server that starts
 * with the database up starts caching.
 */
export async function openResponseCache(
  target: DatabaseTarget,
  reader: Reader,
  megabytes: number,
  logger: Logger,
  listenerOptions: ChangeListenerOptions = {},
  /** With reads from a streaming replica (`reader`): the primary, whose WAL position the replica must replay first (replicaCatchUp). */
  primary?: SqlReader,
): Promise<OpenResponseCache | undefined> {
  if (!Number.isFinite(megabytes) || megabytes < 0) {
    throw new Error(`The response cache size must be a number of megabytes, 0 or more (0 turns it off); got ${megabytes}.`);
  }
  const budgetBytes = Math.floor(megabytes * MB);
  if (budgetBytes === 0) return undefined;
  if (target.provider === "sqlite") {
    if (!(reader.sql instanceof Sql)) throw new Error("A SQLite response cache needs the SQLite reader's connection.");
    const cache = new ResponseCache({ budgetBytes, databaseChanged: dataVersionWatch(reader.sql.db) });
    return { cache, wrote: () => cache.clear(), close: async () => undefined };
  }
  const cache = new ResponseCache({ budgetBytes });
  const catchUp = primary ? replicaCatchUp(cache, primary, reader.sql, logger) : undefined;
  const listener = listenForChanges(target.url, cache, logger, catchUp ? { ...listenerOptions, onChange: catchUp.wrote } : listenerOptions);
  await listener.ready;
  return {
    cache,
    wrote: () => {
      cache.clear();
      catchUp?.wrote();
    },
    close: async () => {
      catchUp?.close();
      await listener.close();
    },
  };
}
