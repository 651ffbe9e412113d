import { HeaderMap } from "@apollo/server";
import { describe, expect, it } from "vitest";
import { ByteLru } from "../../src/cache/ByteLru.js";
import type { CachedAnswer } from "../../src/cache/CachedAnswer.js";
import { answerBytes } from "../../src/cache/CachedAnswer.js";
import { cachedAnswerOf } from "../../src/cache/cachedAnswerOf.js";
import { cacheableRequest } from "../../src/cache/cacheableRequest.js";
import { canonicalJson } from "../../src/cache/canonicalJson.js";
import { isQueryOperation } from "../../src/cache/isQueryOperation.js";
import { rememberAnswer } from "../../src/cache/rememberAnswer.js";
import { ResponseCache } from "../../src/cache/ResponseCache.js";
import { REPLICA_BEHIND, walPosition } from "../../src/cache/replicaCatchUp.js";
import { DEFAULT_RESPONSE_CACHE_MB, responseCacheMbFromEnv } from "../../src/cache/responseCacheMbFromEnv.js";

const JSON_HEADERS: [string, string][] = [["content-type", "application/json; charset=utf-8"]];
const answer = (body: string): CachedAnswer => ({ status: 200, headers: JSON_HEADERS, body: Buffer.from(body) });

function post(body: unknown, headers: Record<string, string> = {}) {
  return { method: "POST", headers: new HeaderMap(Object.entries({ "content-type": "application/json", ...headers })), search: "", body };
}
function get(search: string, headers: Record<string, string> = {}) {
  return { method: "GET", headers: new HeaderMap(Object.entries({ "apollo-require-preflight": "true", ...headers })), search, body: "" };
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe("cacheableRequest", () => {
  const query = "query Q($a: Int, $b: Int) { __typename }";
  it("gives variables in any key order the same key, and different values different keys", () => {
    const one = cacheableRequest(post({ query, variables: { a: 1, b: { x: 1, y: 2 } } }))!;
    const two = cacheableRequest(post({ query, variables: { b: { y: 2, x: 1 }, a: 1 } }))!;
    const three = cacheableRequest(post({ query, variables: { a: 2, b: { x: 1, y: 2 } } }))!;
    expect(one.key).toBe(two.key);
    expect(three.key).not.toBe(one.key);
  });

  it("treats absent and null operationName, variables and extensions alike, as Apollo does", () => {
    expect(cacheableRequest(post({ query, operationName: null, variables: null }))!.key).toBe(cacheableRequest(post({ query }))!.key);
  });

  it("keys on the operation name, the method and the headers Apollo's answer depends on", () => {
    const base = cacheableRequest(post({ query }))!.key;
    expect(cacheableRequest(post({ query, operationName: "Q" }))!.key).not.toBe(base);
    expect(cacheableRequest(post({ query }, { accept: "application/graphql-response+json" }))!.key).not.toBe(base);
    expect(cacheableRequest(post({ query }, { "apollo-require-preflight": "1" }))!.key).not.toBe(base);
    expect(cacheableRequest(get(`?query=${encodeURIComponent(query)}`))!.key).not.toBe(base);
    expect(cacheableRequest(get(`?query=${encodeURIComponent(query)}`, { "apollo-require-preflight": "" }))!.key).not.toBe(cacheableRequest(get(`?query=${encodeURIComponent(query)}`))!.key);
  });

  it("reads a GET's variables as JSON, so their key order does not matter either", () => {
    const q = encodeURIComponent(query);
    const one = cacheableRequest(get(`?query=${q}&variables=${encodeURIComponent('{"a":1,"b":2}')}`))!;
    const two = cacheableRequest(get(`?variables=${encodeURIComponent('{"b":2,"a":1}')}&query=${q}`))!;
    expect(one.key).toBe(two.key);
  });

  it("refuses what Apollo would refuse or read differently, and any request with an Authorization header", () => {
    expect(cacheableRequest(post({ query }, { authorization: "Bearer tw_x" }))).toBeUndefined();
    expect(cacheableRequest(post({ query }, { authorization: "" }))).toBeUndefined();
    expect(cacheableRequest(post({ query: "" }))).toBeUndefined();
    expect(cacheableRequest(post({ extensions: { persistedQuery: { version: 1, sha256Hash: "x" } } }))).toBeUndefined();
    expect(cacheableRequest(post({ query, operationName: 5 }))).toBeUndefined();
    expect(cacheableRequest(post({ query, variables: "{}" }))).toBeUndefined();
    expect(cacheableRequest(post({ query, variables: [1] }))).toBeUndefined();
    expect(cacheableRequest(post([{ query }]))).toBeUndefined();
    expect(cacheableRequest(post("query=x"))).toBeUndefined();
    expect(cacheableRequest(get(`?query=a&query=b`))).toBeUndefined();
    expect(cacheableRequest(get(`?query=a&variables=nope`))).toBeUndefined();
    expect(cacheableRequest(get(`?query=a&variables=[1]`))).toBeUndefined();
    expect(cacheableRequest({ ...post({ query }), method: "PUT" })).toBeUndefined();
  });
});

describe("isQueryOperation", () => {
  it("reads the operation type from the parsed document, not from words in it", () => {
    expect(isQueryOperation("{ __typename }", undefined)).toBe(true);
    expect(isQueryOperation("query mutation { mutation: __typename }", undefined)).toBe(true);
    expect(isQueryOperation("# mutation\nquery Q { __typename }", undefined)).toBe(true);
    expect(isQueryOperation("mutation { __typename }", undefined)).toBe(false);
    expect(isQueryOperation("  mutation query { query: __typename }", undefined)).toBe(false);
    expect(isQueryOperation("subscription { __typename }", undefined)).toBe(false);
  });

  it("picks the operation named, and refuses an ambiguous or unparsable document", () => {
    const two = "query Q { __typename } mutation M { __typename }";
    expect(isQueryOperation(two, "Q")).toBe(true);
    expect(isQueryOperation(two, "M")).toBe(false);
    expect(isQueryOperation(two, undefined)).toBe(false);
    expect(isQueryOperation(two, "nope")).toBe(false);
    expect(isQueryOperation("query {", undefined)).toBe(false);
    // Keywords are valid names: an operation called `mutation` is a query, one called `query` a mutation.
    const named = "mutation query { query: __typename } query mutation { mutation: __typename }";
    expect(isQueryOperation(named, "mutation")).toBe(true);
    expect(isQueryOperation(named, "query")).toBe(false);
  });
});

describe("cachedAnswerOf", () => {
  it("keeps a 200 JSON answer with data and no errors, byte for byte", () => {
    const body = '{"data":{"a":"قاسم"}}\n';
    expect(cachedAnswerOf(200, JSON_HEADERS, body)?.body.equals(Buffer.from(body, "utf8"))).toBe(true);
  });

  it("refuses errors (even beside data), other statuses and other media types, but not a data key named errors", () => {
    expect(cachedAnswerOf(200, JSON_HEADERS, '{"errors":[{"message":"x"}],"data":{"a":1}}')).toBeUndefined();
    expect(cachedAnswerOf(200, JSON_HEADERS, '{"data":null,"errors":[]}')).toBeUndefined();
    expect(cachedAnswerOf(400, JSON_HEADERS, '{"data":{"a":1}}')).toBeUndefined();
    expect(cachedAnswerOf(200, [["content-type", "text/html"]], '{"data":{"a":1}}')).toBeUndefined();
    expect(cachedAnswerOf(200, [], '{"data":{"a":1}}')).toBeUndefined();
    expect(cachedAnswerOf(200, JSON_HEADERS, "not json")).toBeUndefined();
    expect(cachedAnswerOf(200, JSON_HEADERS, '{"data":{"errors":"alias"}}')).toBeDefined();
  });
});

describe("ByteLru", () => {
  it("never holds more than its budget, evicting the least recently used", () => {
    const lru = new ByteLru<number>(100);
    lru.set("a", 1, 40);
    lru.set("b", 2, 40);
    lru.get("a");
    lru.set("c", 3, 40);
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual([1, undefined, 3]);
    expect(lru.bytes).toBe(80);
    expect(lru.set("huge", 4, 101)).toBe(false);
    lru.set("a", 5, 90);
    expect([lru.get("a"), lru.get("c"), lru.bytes, lru.size]).toEqual([5, undefined, 90, 1]);
  });
});

describe("ResponseCache", () => {
  it("refuses entries over an eighth of the budget", () => {
    const cache = new ResponseCache({ budgetBytes: 8000 });
    expect(cache.store("small", answer("x".repeat(500)), cache.begin())).toBe(true);
    expect(cache.store("big", answer("x".repeat(1000)), cache.begin())).toBe(false);
    expect(answerBytes("small", answer("x".repeat(500)))).toBeLessThanOrEqual(cache.maxEntryBytes);
  });

  it("refuses an answer computed across a drop of the cache", () => {
    const cache = new ResponseCache({ budgetBytes: 1 << 20 });
    const ticket = cache.begin();
    cache.clear();
    expect(cache.store("k", answer("{}"), ticket)).toBe(false);
    expect(cache.lookup("k")).toBeUndefined();
  });

  it("drops everything when the database says it changed, before serving or storing", () => {
    let changed = false;
    const cache = new ResponseCache({ budgetBytes: 1 << 20, databaseChanged: () => changed });
    const ticket = cache.begin();
    cache.store("k", answer("{}"), ticket);
    expect(cache.lookup("k")).toBeDefined();
    changed = true;
    expect(cache.lookup("k")).toBeUndefined();
    changed = false;
    const late = cache.begin();
    changed = true;
    expect(cache.store("k", answer("{}"), late)).toBe(false);
  });

  it("neither serves nor stores while suspended, and comes back empty", () => {
    const cache = new ResponseCache({ budgetBytes: 1 << 20 });
    cache.store("k", answer("{}"), cache.begin());
    const before = cache.begin();
    cache.suspend();
    expect(cache.lookup("k")).toBeUndefined();
    expect(cache.store("k", answer("{}"), cache.begin())).toBe(false);
    cache.resume();
    expect(cache.lookup("k")).toBeUndefined();
    expect(cache.store("k", answer("{}"), before)).toBe(false);
    expect(cache.store("k", answer("{}"), cache.begin())).toBe(true);
  });

  it("stays off until every reason to suspend it is lifted (the change feed, a lagging replica)", () => {
    const cache = new ResponseCache({ budgetBytes: 1 << 20 });
    cache.suspend();
    cache.suspend(REPLICA_BEHIND);
    const during = cache.begin();
    cache.resume();
    expect(cache.suspended).toBe(true);
    expect(cache.store("k", answer("{}"), cache.begin())).toBe(false);
    cache.resume(REPLICA_BEHIND);
    expect(cache.suspended).toBe(false);
    // Begun while the replica lagged: it may have read the old state.
    expect(cache.store("k", answer("{}"), during)).toBe(false);
    expect(cache.store("k", answer("{}"), cache.begin())).toBe(true);
  });
});

describe("walPosition", () => {
  it("orders PostgreSQL WAL positions as numbers, not as text", () => {
    expect(walPosition("0/9") < walPosition("0/10")).toBe(true);
    expect(walPosition("1/0") > walPosition("0/FFFFFFFF")).toBe(true);
    expect(walPosition("16/B374D848")).toBe(0x16b374d848n);
    expect(() => walPosition("16-B374D848")).toThrow(/Not a WAL position/);
  });
});

describe("rememberAnswer", () => {
  const cache = new ResponseCache({ budgetBytes: 1 << 20 });
  const request = (query: string, operationName?: string) => ({ cache, request: { key: query + (operationName ?? ""), query, operationName }, ticket: cache.begin() });

  it("never stores the clean answer of a mutation, whatever the document's words say", () => {
    expect(rememberAnswer(request("mutation { __typename }"), 200, JSON_HEADERS, '{"data":{"__typename":"Mutation"}}')).toBe(false);
    expect(rememberAnswer(request("query Q { __typename } mutation query { __typename }", "query"), 200, JSON_HEADERS, '{"data":{"__typename":"Mutation"}}')).toBe(false);
    expect(rememberAnswer(request("query mutation { __typename }"), 200, JSON_HEADERS, '{"data":{"__typename":"Query"}}')).toBe(true);
  });
});

describe("TAAWUN_RESPONSE_CACHE_MB", () => {
  it("defaults to 64, accepts 0 and fractions, and names the variable when it is wrong", () => {
    expect(responseCacheMbFromEnv({})).toBe(DEFAULT_RESPONSE_CACHE_MB);
    expect(DEFAULT_RESPONSE_CACHE_MB).toBe(64);
    expect(responseCacheMbFromEnv({ TAAWUN_RESPONSE_CACHE_MB: "0" })).toBe(0);
    expect(responseCacheMbFromEnv({ TAAWUN_RESPONSE_CACHE_MB: "0.5" })).toBe(0.5);
    expect(() => responseCacheMbFromEnv({ TAAWUN_RESPONSE_CACHE_MB: "64MB" })).toThrow(/TAAWUN_RESPONSE_CACHE_MB must be a number of megabytes/);
    expect(() => responseCacheMbFromEnv({ TAAWUN_RESPONSE_CACHE_MB: "-1" })).toThrow(/0 turns the response cache off/);
  });
});
