import type { CachedAnswer } from "./CachedAnswer.js";

/** The JSON media types Apollo answers a single result with. */
const JSON_ANSWER = /^application\/(graphql-response\+)?json\b/i;

/**
 * The answer to keep for a request Apollo answered, or undefined when it must not be kept: any
 * status but 200, a body that is not one JSON result, or a result with errors. A 200 can carry
 * errors (a field's BAD_USER_INPUT, UNAUTHENTICATED on an admin field); those are not kept because
 * they are cheap to recompute and some depend on more than the record (a time limit, a failing
 * connection). The body is parsed rather than searched: `"errors":` can be a data key (an alias).
 */
export function cachedAnswerOf(status: number, headers: Iterable<[string, string]>, body: string): CachedAnswer | undefined {
  if (status !== 200) return undefined;
  const list = [...headers].map(([name, value]) => [name, value] as const);
  const contentType = list.find(([name]) => name.toLowerCase() === "content-type")?.[1];
  if (contentType === undefined || !JSON_ANSWER.test(contentType)) return undefined;
  let result: unknown;
  try {
    result = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof result !== "object" || result === null || "errors" in result || !("data" in result)) return undefined;
  return { status, headers: list, body: Buffer.from(body, "utf8") };
}
