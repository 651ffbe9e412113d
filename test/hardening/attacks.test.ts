import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { migratedDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// The requests graphql-cop (github.com/dolevf/graphql-cop) sends, each with the response this API
// documents for it in docs/hardening.md. None of them reaches execution.
let database: TestDatabase;
let server: RunningServer;
let noIntrospection: RunningServer;

beforeAll(async () => {
  database = migratedDatabase();
  server = await startServer({ file: database.file, port: 0, logger: silentLogger });
  noIntrospection = await startServer({ file: database.file, port: 0, logger: silentLogger, introspection: false });
});
afterAll(async () => {
  await server.stop();
  await noIntrospection.stop();
  database.remove();
});

async function send(init: RequestInit & { search?: string }, target: RunningServer = server) {
  const response = await fetch(`${target.url}${init.search ?? ""}`, init);
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown>; locations?: unknown[] }[] } };
}
const postJson = (body: unknown, target?: RunningServer) =>
  send({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, target);

describe("graphql-cop's denial-of-service probes", () => {
  it("alias overloading (101 aliases of __typename): 400, the alias limit", async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join("");
    const { status, body } = await postJson({ query: `query { ${aliases} }` });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{ message: "Aliases limit of 30 exceeded, found 101. Split the query into smaller ones or ask for fewer fields.", extensions: { limit: "aliases", code: "GRAPHQL_VALIDATION_FAILED" } }]);
  });

  it("field duplication (500 × __typename): 400, the field repeat limit", async () => {
    const { status, body } = await postJson({ query: `query { ${"__typename \n".repeat(500)}} ` });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toEqual({ limit: "fieldRepeats", code: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("directive overloading (10 × @aa): 400 with one merged error, not one per directive", async () => {
    const { status, body } = await postJson({ query: "query { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }" });
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.message).toBe('Unknown directive "@aa".');
    expect(body.errors![0]!.locations).toHaveLength(10);
  });

  it("directive overloading with real directives (50 × @include): 400, the directive limit", async () => {
    const { status, body } = await postJson({ query: `query { __typename ${"@include(if: true)".repeat(50)} }` });
    expect(status).toBe(400);
    expect(body.errors!.map((e) => e.extensions.limit)).toContain("directives");
  });

  it("circular introspection (fields › type › fields … 4 deep): 400, graphql-js's introspection depth rule", async () => {
    const { status, body } = await postJson({ query: "query { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }" });
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: "Maximum introspection depth exceeded", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })]);
  });

  it("circular fragments: 400, refused by validation", async () => {
    const { status, body } = await postJson({ query: "query { __schema { ...A } } fragment A on __Schema { __typename ...B } fragment B on __Schema { ...A }" });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("batched queries (a JSON array of 10): 400 BAD_REQUEST, batching is off", async () => {
    const { status, body } = await postJson(Array.from({ length: 10 }, () => ({ query: "query cop { __typename }" })));
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ message: "Operation batching disabled.", extensions: { code: "BAD_REQUEST" } }]);
  });
});

describe("graphql-cop's CSRF probes", () => {
  const csrfBlocked = (status: number, body: { errors?: { message: string; extensions: Record<string, unknown> }[] }) => {
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions.code).toBe("BAD_REQUEST");
    expect(body.errors![0]!.message).toContain("Cross-Site Request Forgery");
  };

  it("mutation over GET from a browser-like client: 400, CSRF prevention", async () => {
    const { status, body } = await send({ search: `?query=${encodeURIComponent("mutation {__typename}")}` });
    csrfBlocked(status, body);
  });

  it("mutation over GET with a preflight header: 405, mutations need POST", async () => {
    const { status, body } = await send({ search: `?query=${encodeURIComponent("mutation {__typename}")}`, headers: { "apollo-require-preflight": "true" } });
    expect(status).toBe(405);
    expect(body.errors![0]!.extensions.code).toBe("BAD_REQUEST");
  });

  it("a POST with the query in the URL and no content type: 400, CSRF prevention", async () => {
    const { status, body } = await send({ method: "POST", search: `?query=${encodeURIComponent("query {__typename}")}` });
    csrfBlocked(status, body);
  });

  it("a url-encoded form POST: 400, CSRF prevention", async () => {
    const { status, body } = await send({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `query=${encodeURIComponent("query {__typename}")}` });
    csrfBlocked(status, body);
  });
});

describe("graphql-cop's information probes", () => {
  it("field suggestions: the error names the mistake but suggests nothing", async () => {
    const { status, body } = await postJson({ query: "query { __schema { directive } }" });
    expect(status).toBe(400);
    expect(body.errors![0]!.message).toBe('Cannot query field "directive" on type "__Schema".');
  });

  it("hides the enum and input-field forms of the suggestion too", async () => {
    const enumValue = await postJson({ query: "{ meetings(orderBy: DATE_AS) { totalCount } }" });
    const inputField = await postJson({ query: "query ($f: MeetingFilter) { meetings(filter: $f) { totalCount } }", variables: { f: { frm: "2023-01-01" } } });
    for (const { text } of [enumValue, inputField]) expect(text).not.toContain("Did you mean");
  });

  it("unhandled errors and trace mode: a malformed document gets a parse error with no exception, stack or trace", async () => {
    const { status, text, body } = await postJson({ query: "qwerty cop { abc }" });
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions).toEqual({ code: "GRAPHQL_PARSE_FAILED" });
    expect(text).not.toMatch(/exception|stacktrace|tracing/i);
  });

  it("introspection, when switched off (TAAWUN_INTROSPECTION=false): 400", async () => {
    const { status, body } = await postJson({ query: "query cop { __schema { types { name } } }" }, noIntrospection);
    expect(status).toBe(400);
    expect(body.errors![0]!.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(body.errors![0]!.message).toContain("introspection is not allowed");
  });
});
