import type { SqlReader } from "../db/Sql.js";
import type { Logger } from "../server/logger.js";
import type { ResponseCache } from "./ResponseCache.js";

/** The suspension reason a lagging replica puts on the cache. */
export const REPLICA_BEHIND = "replica behind";

export interface ReplicaCatchUpOptions {
  /** How often the replica is asked whether it has replayed the write (default 10 ms, doubling to {@link maxPollMs}). */
  pollMs?: number;
  /** Default 500 ms. */
  maxPollMs?: number;
  /** After this long behind, one warning is logged (default 30 s): a replica that never catches up keeps the cache off. */
  warnAfterMs?: number;
}

/** A WAL position (`pg_lsn` text, two hex halves: "16/B374D848") as one number, so positions compare. */
export function walPosition(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (!match) throw new Error(`Not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

function formatWalPosition(position: bigint): string {
  return `${(position >> 32n).toString(16).toUpperCase()}/${(position & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** Keeps a response cache off while a streaming replica has not replayed the latest write. */
export interface ReplicaCatchUp {
  /** A write was committed on the primary (its notification, or this process's mutation). */
  wrote(): void;
  close(): void;
}

/**
 * With reads from a streaming replica, the primary's change notification arrives before the
 * replica has replayed the write, so an answer computed just after could be read from the old
 * state and stored. On every write this suspends the cache at once, asks the primary for its WAL
 * insert position (at or past the write's commit record), and resumes the cache once the replica's replay
 * position has reached it. Answers begun in between are refused (ResponseCache.resume).
 */
export function replicaCatchUp(cache: ResponseCache, primary: SqlReader, replica: SqlReader, logger: Logger, options: ReplicaCatchUpOptions = {}): ReplicaCatchUp {
  const pollMs = options.pollMs ?? 10;
  const maxPollMs = options.maxPollMs ?? 500;
  const warnAfterMs = options.warnAfterMs ?? 30_000;
  let closed = false;
  // The furthest primary position the replica must reach, and writes whose position is not known yet.
  let target: bigint | undefined;
  let unknown = 0;
  let polling = false;
  let behindSince = 0;
  let warned = false;
  let unreachable = false;
  let timer: NodeJS.Timeout | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((done) => {
      timer = setTimeout(done, ms);
      timer.unref();
    });

  const primaryPosition = async () => {
    let delay = pollMs;
    while (!closed) {
      try {
        // The insert position, not pg_current_wal_lsn() (the write position): with asynchronous
        // commit (synchronous_commit = off) a commit's record may not be written yet when its
        // notification arrives, and a position before it would let the cache resume too early.
        return walPosition((await primary.get<{ lsn: string }>(`SELECT pg_current_wal_insert_lsn()::text AS lsn`))!.lsn);
      } catch (error) {
        logger.warn("response cache off: cannot read the primary's WAL position", { error: (error as Error).message, retryInMs: delay });
        await sleep(delay);
        delay = Math.min(delay * 2, maxPollMs * 20);
      }
    }
    return undefined;
  };

  // Null on a server that is not a standby (or never replayed): never caught up.
  const replayed = async (lsn: bigint) => {
    const row = await replica.get<{ lsn: string | null }>(`SELECT pg_last_wal_replay_lsn()::text AS lsn`);
    return row?.lsn != null && walPosition(row.lsn) >= lsn;
  };

  const poll = async () => {
    if (polling) return;
    polling = true;
    let delay = pollMs;
    try {
      while (!closed && (unknown > 0 || target !== undefined)) {
        if (unknown === 0 && target !== undefined) {
          const lsn = target;
          let caught = false;
          try {
            caught = await replayed(lsn);
            unreachable = false;
          } catch (error) {
            // Once per outage, not once per poll.
            if (!unreachable) logger.warn("response cache off: cannot read the replica's replay position", { error: (error as Error).message });
            unreachable = true;
          }
          // A write that came in while asking moved the target: ask again for that one.
          if (caught && target === lsn && unknown === 0) {
            target = undefined;
            cache.resume(REPLICA_BEHIND);
            if (warned) logger.info("response cache on again: the read replica caught up");
            warned = false;
            return;
          }
        }
        if (!warned && performance.now() - behindSince > warnAfterMs) {
          warned = true;
          logger.warn("response cache off: the read replica has not replayed the latest write", { targetLsn: target === undefined ? null : formatWalPosition(target), behindMs: Math.round(performance.now() - behindSince) });
        }
        await sleep(delay);
        delay = Math.min(delay * 2, maxPollMs);
      }
    } finally {
      polling = false;
    }
  };

  return {
    wrote() {
      if (closed) return;
      if (target === undefined && unknown === 0) behindSince = performance.now();
      // At once, before any await: a request that starts now must not store what it reads.
      cache.suspend(REPLICA_BEHIND);
      unknown += 1;
      void (async () => {
        const lsn = await primaryPosition();
        if (lsn !== undefined && (target === undefined || lsn > target)) target = lsn;
        unknown -= 1;
        void poll();
      })();
    },
    close() {
      closed = true;
      clearTimeout(timer);
    },
  };
}
