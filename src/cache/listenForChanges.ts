import pg from "pg";
import type { Logger } from "../server/logger.js";
import type { ResponseCache } from "./ResponseCache.js";

/**
 * The channel every table's statement trigger notifies on commit
 * (prisma/postgres/migrations/20261123093000_record_changed_notifications).
 */
export const RECORD_CHANGED_CHANNEL = "taawun_record_changed";

/** What the PostgreSQL change feed's connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "taawun response cache";

export interface ChangeListenerOptions {
  /** The first reconnection delay, doubled after each failure up to {@link maxRetryMs} (default 250 ms). */
  retryMs?: number;
  /** Default 10 s. */
  maxRetryMs?: number;
  /**
   * How often the connection proves it is alive with a round trip (default 5 s). A connection that
   * died without a word (a network partition, a NAT dropping it) delivers no notifications and
   * reports no error; the heartbeat, failing after {@link heartbeatTimeoutMs}, is what notices.
   */
  heartbeatMs?: number;
  /** Default 5 s. */
  heartbeatTimeoutMs?: number;
  /**
   * Told that a write may have been committed: on every notification, and each time the feed is
   * LISTENing again (writes made while it was down went unseen). Used with a read replica
   * (replicaCatchUp), which must replay those writes before the cache may fill again.
   */
  onChange?: () => void;
}

/** The change feed: `ready` settles after the first connection attempt, whatever its outcome. */
export interface ChangeListener {
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps a PostgreSQL connection LISTENing on {@link RECORD_CHANGED_CHANNEL} and drops the cache
 * on every notification, so a write by any replica or command reaches this process's cache.
 *
 * While the connection is down a write could go unseen, so the cache is suspended (dropped, and
 * neither served nor filled) from the moment the connection is lost until it is LISTENing again,
 * retried with exponential backoff; it starts suspended, for the same reason.
 */
export function listenForChanges(url: string, cache: ResponseCache, logger: Logger, options: ChangeListenerOptions = {}): ChangeListener {
  const retryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 10_000;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5_000;
  let closed = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delay = retryMs;
  let everLost = false;
  cache.suspend();

  const connect = async (): Promise<void> => {
    // keepAlive lets the operating system notice a dead peer too; the timeouts bound the heartbeat
    // and a connection attempt to a host that does not answer (startServer waits for the first).
    const client = new pg.Client({
      connectionString: url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      query_timeout: heartbeatTimeoutMs,
      connectionTimeoutMillis: heartbeatTimeoutMs,
    });
    current = client;
    let heartbeat: NodeJS.Timeout | undefined;
    let lost = false;
    const lose = (reason: string) => {
      if (lost) return;
      lost = true;
      clearInterval(heartbeat);
      cache.suspend();
      client.end().catch(() => undefined);
      if (closed) return;
      everLost = true;
      logger.warn("response cache off until the PostgreSQL change feed is back", { reason, retryInMs: delay });
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, delay);
      delay = Math.min(delay * 2, maxRetryMs);
    };
    client.on("error", (error: Error) => lose(error.message));
    client.on("end", () => lose("the connection closed"));
    client.on("notification", (message) => {
      if (message.channel !== RECORD_CHANGED_CHANNEL) return;
      cache.clear();
      options.onChange?.();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RECORD_CHANGED_CHANNEL}`);
    } catch (error) {
      lose((error as Error).message);
      return;
    }
    if (lost) return;
    delay = retryMs;
    // Before resuming: a replica's catch-up suspends the cache first, so it never fills in between.
    options.onChange?.();
    cache.resume();
    if (everLost) logger.info("response cache on again: the PostgreSQL change feed is back");
    // LISTEN again rather than SELECT 1: it is a no-op round trip that leaves pg_stat_activity
    // showing what the connection is for.
    heartbeat = setInterval(() => {
      client.query(`LISTEN ${RECORD_CHANGED_CHANNEL}`).catch((error: Error) => lose(`heartbeat failed: ${error.message}`));
    }, heartbeatMs);
    heartbeat.unref();
  };

  return {
    ready: connect(),
    async close() {
      closed = true;
      clearTimeout(retry);
      await current?.end().catch(() => undefined);
    },
  };
}
