import { readdirSync, readFileSync } from "node:fs";
import type { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/context/Context.js";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// The API executes compiled operations (graphql-jit, src/server/jitExecutor.ts). graphql-js is the
// reference: every operation below must get the same answer, byte for byte, from both executors —
// data, errors, their codes, paths and locations — and an answer that is not the same fails here.
const OPERATIONS = new URL("../../examples/operations/", import.meta.url);
const examples = readdirSync(OPERATIONS)
  .filter((name) => name.endsWith(".graphql"))
  .sort()
  .map((name) => ({ name, query: readFileSync(new URL(name, OPERATIONS), "utf8"), variables: {} }));

const cases: { name: string; query: string; variables: Record<string, unknown> }[] = [
  ...examples,
  {
    name: "an actor's whole neighbourhood, with fragments, aliases, @include and __typename",
    query: `query N($slug: String!, $withAliases: Boolean!) {
      actor(slug: $slug) { ...A kind wikidata aliases @include(if: $withAliases) { text lang }
        positions { titleAr titleEn start end organisation { ...A } evidence { quote field start end article { slug } } }
        affiliation { ...A } affiliates { ...A }
        counterparts { actor { slug } meetingCount meetings { slug } }
        first: meetings(first: 1) { totalCount edges { cursor node { __typename slug kind summaryAr summaryEn date { precision earliest latest weekday derivation text note } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
        mentions { field start end surface article { slug headline date { earliest } } } }
    }
    fragment A on Actor { __typename id slug nameAr nameEn }`,
    variables: { slug: "qasim-al-araji", withAliases: true },
  },
  {
    name: "meetings with every nested list, and the articles with their topics",
    query: `{ meetings(first: 50) { totalCount nodes { id slug kind place { slug nameAr nameEn } participants { role actor { slug } representing { slug } evidence { quote } }
        topics { slug nameAr nameEn evidence { quote article { slug } } } sources { quote article { slug publisher { slug } } } } }
      articles(first: 10) { nodes { slug headline language url removedLines date { earliest latest precision } topics { slug } meetings { slug } mentions(actor: "nato") { surface } } }
      topics { slug children { slug children { slug } } } }`,
    variables: {},
  },
  {
    name: "search across the record, with snippets",
    query: `query S($q: String!) { search(query: $q, first: 20) { totalCount edges { cursor node { __typename ... on Actor { slug } ... on Article { slug } ... on Meeting { slug } ... on Topic { slug } } } } }`,
    variables: { q: "الناتو" },
  },
  { name: "an unknown actor", query: `{ actor(slug: "nobody-at-all") { slug } }`, variables: {} },
  { name: "a referenced actor that does not exist", query: `{ meetings(filter: { actor: "nobody-at-all" }) { totalCount } }`, variables: {} },
  { name: "a bad date in a filter (resolver error)", query: `{ meetings(filter: { from: "2023-02-30" }) { totalCount } }`, variables: {} },
  { name: "a bad date in a variable (coercion error)", query: `query D($from: Date) { meetings(filter: { from: $from }) { totalCount } }`, variables: { from: "yesterday" } },
  { name: "a missing required variable", query: `query Q($slug: String!) { actor(slug: $slug) { slug } }`, variables: {} },
  { name: "a variable of the wrong type", query: `query Q($first: Int) { meetings(first: $first) { totalCount } }`, variables: { first: "ten" } },
  { name: "a page size out of range", query: `{ meetings(first: 100000) { totalCount } }`, variables: {} },
  { name: "a cursor from nowhere", query: `{ meetings(first: 2, after: "not-a-cursor") { totalCount } }`, variables: {} },
  { name: "two operations, one chosen", query: `query A { topics { slug } } query B { actor(slug: "nato") { slug } }`, variables: {} },
];

describe("compiled operations answer exactly as graphql-js does", () => {
  let database: TestDatabase;
  let jit: ApolloServer<Context>;
  let reference: ApolloServer<Context>;
  let sql: Sql;
  beforeAll(async () => {
    database = await seededDatabase();
    sql = new Sql(openDatabase(database.file));
    jit = createApolloServer({ logger: silentLogger });
    reference = createApolloServer({ logger: silentLogger, executor: "graphql-js" });
    await Promise.all([jit.start(), reference.start()]);
  });
  afterAll(async () => {
    await Promise.all([jit?.stop(), reference?.stop()]);
    sql?.db.close();
    await database?.remove();
  });

  const answer = async (server: ApolloServer<Context>, query: string, variables: Record<string, unknown>, operationName?: string) => {
    const response = await server.executeOperation({ query, variables, ...(operationName ? { operationName } : {}) }, { contextValue: createContext(sql) });
    return { status: response.http.status ?? 200, body: JSON.stringify(response.body) };
  };

  it.each(cases)("$name", async ({ query, variables }) => {
    const operationName = query.includes("query B") ? "B" : undefined;
    const expected = await answer(reference, query, variables, operationName);
    expect(await answer(jit, query, variables, operationName)).toEqual(expected);
    // The same document again, now compiled and cached, still answers the same.
    expect(await answer(jit, query, variables, operationName)).toEqual(expected);
  });

  it("answers the example operations with data, not errors (the comparison above is not of two failures)", async () => {
    for (const { name, query } of examples) {
      const { body } = await answer(jit, query, {});
      expect(JSON.parse(body).singleResult.errors, name).toBeUndefined();
    }
  });
});
