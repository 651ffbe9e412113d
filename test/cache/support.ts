import { expect } from "vitest";
import type { RunningServer } from "../../src/app/startServer.js";
import { CACHE_HEADER } from "../../src/http/createHttpServer.js";

/** One answer as the client saw it: the status, every header and the raw body bytes. */
export interface RawAnswer {
  status: number;
  cache: string | null;
  headers: Record<string, string>;
  bytes: Buffer;
  json: any;
}

export async function postRaw(server: RunningServer, body: unknown, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return raw(await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) }));
}

export async function getRaw(server: RunningServer, search: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return raw(await fetch(`${server.url}${search}`, { headers: { "apollo-require-preflight": "true", ...headers } }));
}

async function raw(response: Response): Promise<RawAnswer> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers = Object.fromEntries(response.headers);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    json = undefined;
  }
  return { status: response.status, cache: response.headers.get(CACHE_HEADER), headers, bytes, json };
}

/** Headers that may differ between two answers to the same request: the clock, and the cache's verdict. */
export function stableHeaders(answer: RawAnswer): Record<string, string> {
  const { date: _date, [CACHE_HEADER]: _cache, ...rest } = answer.headers;
  return rest;
}

/** A cached answer must be what the server would send: same status, headers and bytes. */
export function expectSameAnswer(hit: RawAnswer, miss: RawAnswer): void {
  expect(hit.cache).toBe("hit");
  expect(miss.cache).toBe("miss");
  expect(hit.status).toBe(miss.status);
  expect(stableHeaders(hit)).toEqual(stableHeaders(miss));
  expect(hit.bytes.equals(miss.bytes)).toBe(true);
}

/** Waits for `condition`, failing after `ms`. */
export async function until(condition: () => boolean, ms = 5_000, what = "the condition"): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > ms) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return performance.now() - started;
}
