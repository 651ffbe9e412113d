import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getIntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { QUERY_LIMITS } from "../../src/hardening/queryLimits.js";
import { useSeededApi } from "../support/seededApi.js";

const api = useSeededApi();
const EXAMPLES = join(import.meta.dirname, "../../examples/operations");
const examples = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((f) => f.endsWith(".graphql")).sort() : [];

async function refusal(query: string) {
  const { data, errors } = await api.run(query);
  expect(data).toBeUndefined();
  return errors!;
}

describe("the limits let every real operation through", () => {
  it("has example operations to check", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)("runs examples/operations/%s without an error", async (file) => {
    const { errors } = await api.run(readFileSync(join(EXAMPLES, file), "utf8"));
    expect(errors).toBeUndefined();
  });

  it("runs the IDE's full introspection query", async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
    const { data, errors } = await api.run(query);
    expect(errors).toBeUndefined();
    expect(data!.__schema.types.length).toBeGreaterThan(50);
  });

  it("allows the documented maximum of each limit", async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases }, (_, i) => `a${i}: __typename`).join(" ");
    expect((await api.run(`{ ${aliases} }`)).errors).toBeUndefined();
    const nested = `{ actor(slug: "nato") { ${"affiliates { ".repeat(QUERY_LIMITS.maxDepth - 2)}slug${" }".repeat(QUERY_LIMITS.maxDepth - 2)} } }`;
    expect((await api.run(nested)).errors).toBeUndefined();
  });
});

describe("a document over a limit is refused before it runs, as GRAPHQL_VALIDATION_FAILED naming the limit", () => {
  it.each([
    ["aliases", `{ ${Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(" ")} }`, /Aliases limit of 30 exceeded, found 31/],
    ["depth", `{ actor(slug: "nato") { ${"affiliates { ".repeat(QUERY_LIMITS.maxDepth)}slug${" }".repeat(QUERY_LIMITS.maxDepth)} } }`, /depth limit of 12 exceeded, found 14/],
    ["directives", `{ ${Array.from({ length: QUERY_LIMITS.maxDirectives + 1 }, (_, i) => `a${i}: __typename @skip(if: false)`).join(" ")} }`, /Directives limit of 20 exceeded/],
    ["cost", `{ actors(first: 100) { nodes { meetings(first: 100) { nodes { slug } } } } }`, /Cost limit of 30000 exceeded/],
    ["fieldRepeats", `{ ${"__typename ".repeat(QUERY_LIMITS.maxFieldRepeats + 1)}}`, /selected 6 times in one selection set; at most 5/],
  ])("%s", async (limit, query, message) => {
    const errors = await refusal(query);
    const error = errors.find((e) => e.extensions.limit === limit);
    expect(error?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(error?.message).toMatch(message);
    expect(error?.message).toContain(limit === "fieldRepeats" ? "Select each field once." : "Split the query into smaller ones");
  });

  it("refuses a document over the token limit while parsing (GRAPHQL_PARSE_FAILED)", async () => {
    const errors = await refusal(`{ ${"__typename ".repeat(QUERY_LIMITS.maxTokens)}}`);
    expect(errors[0].extensions.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(errors[0].message).toContain(`more that ${QUERY_LIMITS.maxTokens} tokens`);
  });

  it("stops validating after 25 errors, so junk cannot make a large response", async () => {
    const fields = Array.from({ length: 200 }, (_, i) => `nope${i}`).join(" ");
    const errors = await refusal(`{ ${fields} }`);
    expect(errors.length).toBe(QUERY_LIMITS.maxValidationErrors + 1);
    expect(errors.at(-1).message).toContain("Too many validation errors");
  });
});
