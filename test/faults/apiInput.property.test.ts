import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/ids/globalId.js";
import { useSeededApi } from "../support/seededApi.js";
import { anyUtf16, hostileString } from "./support/hostileStrings.js";

// The API's input validators on arbitrary input: every answer is a result or a clear
// BAD_USER_INPUT, never an INTERNAL_SERVER_ERROR (which would mean a validator let junk through
// to code that crashed on it).
const api = useSeededApi();

const text = fc.oneof(hostileString(30), anyUtf16(30), fc.base64String({ maxLength: 40 }), fc.constantFrom("", " ", "2023-02-30", "2023-01-24", "9999-12-31", "0000-00-00", "WzEsMl0", "QWN0b3I6MQ"));
const id = fc.oneof(text, fc.integer({ min: -5, max: 1e9 }).map((n) => toGlobalId("Actor", n)), fc.constantFrom(...["Actor", "Meeting", "Topic", "Place", "Article"].map((t) => Buffer.from(`${t}:1`).toString("base64url"))));
const cursor = fc.oneof(text, fc.json().map((j) => Buffer.from(j).toString("base64url")));

async function codes(query: string, variables: Record<string, unknown>): Promise<string[]> {
  const { errors } = await api.run(query, variables);
  return (errors ?? []).map((e) => e.extensions?.code as string);
}
const clear = (found: string[]) => found.every((code) => code === "BAD_USER_INPUT");
const RUNS = { numRuns: 150 };

describe("input validators on arbitrary input", () => {
  it.each([
    ["ids", `query ($id: ID!) { actor(id: $id) { slug } node(id: $id) { id } nodes(ids: [$id, $id]) { id } }`, { id }],
    ["slugs", `query ($s: String) { meeting(slug: $s) { slug } topic(slug: $s) { slug } place(slug: $s) { slug } }`, { s: text }],
    ["cursors", `query ($c: String) { meetings(after: $c) { totalCount } articles(before: $c) { totalCount } }`, { c: cursor }],
    ["dates", `query ($from: Date, $to: Date) { meetings(filter: { from: $from, to: $to }) { totalCount } articles(filter: { from: $from }) { totalCount } }`, { from: text, to: text }],
    ["references", `query ($r: ID) { meetings(filter: { actor: $r, topic: $r, place: $r }) { totalCount } }`, { r: id }],
    ["search strings", `query ($q: String) { actors(filter: { search: $q }) { totalCount nodes { slug } } }`, { q: fc.oneof(text, fc.constant("ا".repeat(201))) }],
    ["page sizes", `query ($n: Int) { actors(first: $n) { totalCount } meetings(last: $n) { totalCount } }`, { n: fc.oneof(fc.integer(), fc.double(), fc.constant(2 ** 31)) }],
  ] as const)("answers arbitrary %s with data or BAD_USER_INPUT", async (_name, query, arbitraries) => {
    await fc.assert(fc.asyncProperty(fc.record(arbitraries as Record<string, fc.Arbitrary<unknown>>), async (variables) => clear(await codes(query, variables))), RUNS);
  });

  it("answers arbitrary full-text searches with data or BAD_USER_INPUT", async () => {
    const query = `query ($q: String!) { search(query: $q, first: 5) { totalCount } }`;
    await fc.assert(fc.asyncProperty(fc.oneof(text, fc.constantFrom('"', '"unclosed', "* OR -", "NEAR(", "a*".repeat(50))), async (q) => clear(await codes(query, { q }))), RUNS);
  });

  it("still answers real input (the properties are not vacuous)", async () => {
    expect(await codes(`{ actor(slug: "qasim-al-araji") { slug } }`, {})).toEqual([]);
    expect(await codes(`query ($d: Date) { meetings(filter: { from: $d }) { totalCount } }`, { d: "2023-02-30" })).toEqual(["BAD_USER_INPUT"]);
  });
});
