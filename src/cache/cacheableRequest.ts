import { createHash } from "node:crypto";
import type { HTTPGraphQLRequest } from "@apollo/server";
import { canonicalJson } from "./canonicalJson.js";

/** A request the cache may answer: its key, and the operation, whose type is checked before storing. */
export interface CacheableRequest {
  key: string;
  query: string;
  operationName: string | undefined;
}

interface OperationFields {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  extensions: Record<string, unknown> | undefined;
}

/**
 * The headers Apollo's answer depends on besides the operation: `accept` chooses the content type
 * (application/json or application/graphql-response+json), and `content-type` with the two
 * preflight headers decide whether CSRF prevention refuses the request. Keying on their exact
 * values means a request can only be answered with what Apollo answered an identical one.
 */
const KEYED_HEADERS = ["accept", "content-type", "apollo-require-preflight", "x-apollo-operation-name"] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The cache key of an anonymous GraphQL request, or undefined when the cache must not answer it:
 * it carries an `Authorization` header (the answer depends on the key), or it is not a well-formed
 * GET or POST with a query text (Apollo answers those with an error, which is never stored, and a
 * key made by guessing what Apollo would read could make such a request share a good answer's key).
 *
 * GET and POST of one operation get different keys: Apollo handles them differently (CSRF
 * prevention, mutations refused over GET), and two entries for one query cost little.
 */
export function cacheableRequest(request: HTTPGraphQLRequest): CacheableRequest | undefined {
  if (request.headers.has("authorization")) return undefined;
  const fields = request.method === "POST" ? postFields(request.body) : request.method === "GET" ? getFields(request.search) : undefined;
  if (fields === undefined) return undefined;
  const identity = canonicalJson([
    request.method,
    KEYED_HEADERS.map((name) => request.headers.get(name) ?? null),
    fields.query,
    fields.operationName ?? null,
    fields.variables ?? null,
    fields.extensions ?? null,
  ]);
  return { key: createHash("sha256").update(identity).digest("base64url"), query: fields.query, operationName: fields.operationName };
}

/** The fields as Apollo reads a JSON body (runHttpQuery); anything it would refuse is not cached. */
function postFields(body: unknown): OperationFields | undefined {
  if (!isRecord(body)) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== "string" || query.length === 0) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== "string") return undefined;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (extensions !== undefined && extensions !== null && !isRecord(extensions)) return undefined;
  return { query, operationName: operationName ?? undefined, variables: variables ?? undefined, extensions: extensions ?? undefined };
}

/** The fields as Apollo reads a GET's search parameters: each at most once, variables and extensions JSON objects. */
function getFields(search: string): OperationFields | undefined {
  const params = new URLSearchParams(search);
  const once = (name: string): string | undefined | null => {
    const values = params.getAll(name);
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : null;
  };
  const query = once("query");
  const operationName = once("operationName");
  const variables = jsonRecord(once("variables"));
  const extensions = jsonRecord(once("extensions"));
  if (typeof query !== "string" || query.length === 0 || operationName === null || variables === null || extensions === null) return undefined;
  return { query, operationName, variables, extensions };
}

/** undefined when absent, null when unusable (repeated, not JSON, not an object). */
function jsonRecord(text: string | undefined | null): Record<string, unknown> | undefined | null {
  if (text === undefined || text === null) return text;
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}
