import { cachedAnswerOf } from "./cachedAnswerOf.js";
import type { CacheableRequest } from "./cacheableRequest.js";
import { isQueryOperation } from "./isQueryOperation.js";
import type { ResponseCache } from "./ResponseCache.js";

/** A cacheable request the cache could not answer, being computed: its key and the cache's ticket. */
export interface PendingAnswer {
  cache: ResponseCache;
  request: CacheableRequest;
  ticket: number;
}

/**
 * Stores Apollo's answer to a pending request when it may be replayed: a query (never a
 * mutation), answered 200 with data and no errors, and no write seen since the ticket was taken.
 * The operation type is checked only here, on answers worth keeping, so requests that are not
 * cached pay for no second parse. True when stored.
 */
export function rememberAnswer(pending: PendingAnswer, status: number, headers: Iterable<[string, string]>, body: string): boolean {
  const answer = cachedAnswerOf(status, headers, body);
  if (answer === undefined || !isQueryOperation(pending.request.query, pending.request.operationName)) return false;
  return pending.cache.store(pending.request.key, answer, pending.ticket);
}
