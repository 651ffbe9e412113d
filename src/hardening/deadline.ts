import { GraphQLError } from "graphql";
import { HeaderMap } from "@apollo/server";
import { ErrorCode } from "../errors/ErrorCode.js";

/** How long one GraphQL request may run once its body is read. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** When a request must be done by. */
export interface Deadline {
  readonly ms: number;
  expired(): boolean;
}

/**
 * A deadline `ms` from now. It is checked against the clock, not an abort flag set by a timer:
 * the read path runs synchronous SQLite calls back to back, and a timer callback cannot run (and
 * set a flag) until they yield, while a clock check notices at the very next statement.
 */
export function deadlineIn(ms: number): Deadline {
  const at = performance.now() + ms;
  return { ms, expired: () => performance.now() >= at };
}

export const timeoutMessage = (ms: number) =>
  `The request took longer than ${ms / 1000} s and was stopped. Ask for less (smaller pages, fewer nested lists) or try again later.`;

/** The error a request past its deadline ends with: code TIMEOUT, HTTP 503 with Retry-After. */
export function timeoutError(ms: number): GraphQLError {
  return new GraphQLError(timeoutMessage(ms), {
    extensions: { code: ErrorCode.TIMEOUT, http: { status: 503, headers: new HeaderMap([["retry-after", "5"]]) } },
  });
}
