import { ByteLru } from "./ByteLru.js";
import { answerBytes } from "./CachedAnswer.js";
import type { CachedAnswer } from "./CachedAnswer.js";

export interface ResponseCacheOptions {
  /** The byte budget of all entries together. */
  budgetBytes: number;
  /**
   * Asks the database whether anything was committed since the last call (SQLite's
   * `PRAGMA data_version`, see dataVersionWatch). Run before every hit is served and every answer
   * stored, so neither can outlive a write. Omitted where changes are pushed instead (PostgreSQL's
   * LISTEN, see listenForChanges, which calls {@link ResponseCache.clear}).
   */
  databaseChanged?: () => boolean;
}

/** Snapshot for tests and logs. */
export interface ResponseCacheStats {
  entries: number;
  bytes: number;
  budgetBytes: number;
  /** Times the whole cache was dropped (writes seen, listener lost or back). */
  clears: number;
  suspended: boolean;
}

/**
 * The answers of anonymous read queries, dropped whole on any write: the record is read far more
 * than written, and working out which answers a write touches would cost more (and be wrong more
 * often) than recomputing the few that are asked again.
 *
 * An answer is computed outside the cache, so a write can land while it is being computed; it
 * would then be stored after the drop that write caused and outlive it. {@link begin} hands out
 * the cache's generation before the request runs and {@link store} refuses an answer whose
 * generation has passed.
 */
export class ResponseCache {
  private readonly lru: ByteLru<CachedAnswer>;
  private readonly databaseChanged: () => boolean;
  private generation = 0;
  /** Why the cache is off, if it is: each reason is lifted on its own (the change feed, a lagging replica). */
  private readonly suspensions = new Set<string>();

  constructor(options: ResponseCacheOptions) {
    this.lru = new ByteLru(options.budgetBytes);
    this.databaseChanged = options.databaseChanged ?? (() => false);
  }

  /** Answers bigger than this are not kept: one popular huge answer should not flush the rest. */
  get maxEntryBytes(): number {
    return Math.floor(this.lru.maxBytes / 8);
  }

  get suspended(): boolean {
    return this.suspensions.size > 0;
  }

  /** The stored answer for `key`, if the database has not changed since it was stored. */
  lookup(key: string): CachedAnswer | undefined {
    if (this.suspended || this.lru.size === 0) return undefined;
    this.checkDatabase();
    return this.lru.get(key);
  }

  /** The ticket to pass to {@link store} for an answer computed from now on. */
  begin(): number {
    this.checkDatabase();
    return this.generation;
  }

  /** Keeps `answer` unless the cache was dropped since `ticket` was taken; true when kept. */
  store(key: string, answer: CachedAnswer, ticket: number): boolean {
    if (this.suspended || ticket !== this.generation) return false;
    this.checkDatabase();
    if (ticket !== this.generation) return false;
    const bytes = answerBytes(key, answer);
    if (bytes > this.maxEntryBytes) return false;
    return this.lru.set(key, answer, bytes);
  }

  /** Drops every answer, and every answer still being computed. */
  clear(): void {
    this.generation += 1;
    this.lru.clear();
  }

  /**
   * Stops caching until {@link resume} with the same reason: the change feed is down (a write
   * could go unseen), or a read replica has not replayed a write yet (an answer read now could be
   * stale). Until every reason is lifted the cache neither serves nor stores.
   */
  suspend(reason = "change feed"): void {
    this.clear();
    this.suspensions.add(reason);
  }

  /**
   * Lifts one reason. The cache comes back empty, and answers begun while it was suspended are
   * refused: they may have read what the suspension was about.
   */
  resume(reason = "change feed"): void {
    this.clear();
    this.suspensions.delete(reason);
  }

  stats(): ResponseCacheStats {
    return { entries: this.lru.size, bytes: this.lru.bytes, budgetBytes: this.lru.maxBytes, clears: this.generation, suspended: this.suspended };
  }

  private checkDatabase(): void {
    if (this.databaseChanged()) this.clear();
  }
}
