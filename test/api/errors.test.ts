import { describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/ids/globalId.js";
import { useSeededApi } from "../support/seededApi.js";

const api = useSeededApi();

async function errorOf(query: string, variables?: Record<string, unknown>) {
  const { errors } = await api.run(query, variables);
  expect(errors).toHaveLength(1);
  return errors![0];
}

describe("bad input", () => {
  it("answers a malformed id with BAD_USER_INPUT naming the problem", async () => {
    const error = await errorOf(`{ actor(id: "not an id") { slug } }`);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe('"not an id" is not a valid id. Ids are opaque strings returned by this API.');
  });

  it("answers node() with a malformed id with BAD_USER_INPUT", async () => {
    const error = await errorOf(`{ node(id: "QWN0b3I6") { id } }`);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("answers an impossible date literal with BAD_USER_INPUT", async () => {
    const error = await errorOf(`{ meetings(filter: { from: "2023-02-30" }) { totalCount } }`);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("Date must be a calendar day written YYYY-MM-DD");
  });

  it("answers an impossible date variable with BAD_USER_INPUT", async () => {
    const error = await errorOf(`query ($from: Date) { meetings(filter: { from: $from }) { totalCount } }`, { from: "24/01/2023" });
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a from date after the to date", async () => {
    const error = await errorOf(`{ meetings(filter: { from: "2023-02-01", to: "2023-01-01" }) { totalCount } }`);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe("`filter.from` (2023-02-01) is after `filter.to` (2023-01-01).");
  });

  it("refuses a page larger than the maximum instead of cutting it silently", async () => {
    const error = await errorOf(`{ actors(first: 101) { totalCount } }`);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.extensions.argument).toBe("first");
    expect(error.message).toBe("`first` may be at most 100, got 101. Page through larger results with `after`.");
  });

  it("refuses a negative page size", async () => {
    const error = await errorOf(`{ meetings(last: -1) { totalCount } }`);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses paging in both directions at once", async () => {
    const error = await errorOf(`{ meetings(first: 2, last: 2) { totalCount } }`);
    expect(error.message).toBe("Page forward (`first`/`after`) or backward (`last`/`before`), not both at once.");
  });

  it("refuses a cursor this API did not issue", async () => {
    const error = await errorOf(`{ meetings(after: "garbage!") { totalCount } }`);
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.extensions.argument).toBe("after");
  });

  it("refuses a well-formed cursor whose id no row can have (beyond 32 bits), on either database", async () => {
    for (const key of [["", -2768454244628111], ["2023-01-01", 2 ** 31], [2 ** 40, 1], ["", 1.5]]) {
      const cursor = Buffer.from(JSON.stringify(key)).toString("base64url");
      const error = await errorOf(`query ($c: String) { meetings(after: $c) { totalCount } }`, { c: cursor });
      expect(error.extensions, JSON.stringify(key)).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    }
    // The largest id a row can have is still a cursor.
    const largest = Buffer.from(JSON.stringify(["", 2 ** 31 - 1])).toString("base64url");
    const all = await api.data(`{ meetings(first: 50) { nodes { slug } } }`);
    const after = await api.data(`query ($c: String) { meetings(first: 50, after: $c) { nodes { slug } } }`, { c: largest });
    expect(after.meetings.nodes.length).toBeGreaterThan(0);
    expect(after).toEqual(all); // every seeded meeting has a date, so all sort after ("", any id)
  });

  it("refuses both or neither of id and slug", async () => {
    expect((await errorOf(`{ actor { slug } }`)).message).toBe("Give exactly one of `id` or `slug` to look up a Actor.");
    expect((await errorOf(`{ topic(id: "x", slug: "y") { slug } }`)).extensions.code).toBe("BAD_USER_INPUT");
  });

  it("refuses a filter reference of the wrong type", async () => {
    const error = await errorOf(`query ($id: ID) { meetings(filter: { actor: $id }) { totalCount } }`, { id: toGlobalId("Topic", 1) });
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.message).toBe(`\`filter.actor\` expects a Actor id or slug, but "${toGlobalId("Topic", 1)}" is a Topic id.`);
  });

  it("never sends a stack trace", async () => {
    const { errors } = await api.run(`{ actor(id: "%%%") { slug } }`);
    expect(JSON.stringify(errors)).not.toContain("stacktrace");
    expect(JSON.stringify(errors)).not.toContain(".ts:");
  });

  it("reports syntax errors with Apollo's parse code", async () => {
    const error = await errorOf(`{ actor(slug: "x" { slug } }`);
    expect(error.extensions.code).toBe("GRAPHQL_PARSE_FAILED");
  });
});

describe("unknown but well-formed references", () => {
  it("gives null for an unknown id of the right type", async () => {
    expect(await api.data(`query ($id: ID!) { actor(id: $id) { slug } node(id: $id) { id } }`, { id: toGlobalId("Actor", 99999) })).toEqual({ actor: null, node: null });
  });

  it("gives null for an unknown slug", async () => {
    expect(await api.data(`{ actor(slug: "nobody") { slug } meeting(slug: "never-happened") { slug } }`)).toEqual({ actor: null, meeting: null });
  });

  it("gives null for an id of another type", async () => {
    expect(await api.data(`query ($id: ID!) { actor(id: $id) { slug } }`, { id: toGlobalId("Topic", 1) })).toEqual({ actor: null });
  });

  it("gives an empty page for a filter naming an unknown actor", async () => {
    expect(await api.data(`{ meetings(filter: { actor: "nobody" }) { totalCount nodes { slug } } }`)).toEqual({ meetings: { totalCount: 0, nodes: [] } });
  });
});
