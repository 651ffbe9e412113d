import assert from "node:assert/strict";
import type { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/context/Context.js";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { PostgresSql } from "../../src/db/PostgresSql.js";
import { Sql } from "../../src/db/Sql.js";
import type { SqlReader } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { createTestApi } from "../support/testApi.js";
import type { TestApi } from "../support/testApi.js";
import { fixtureOf } from "./fixture.js";
import type { Fixture, Slugs } from "./fixture.js";
import { READ_CASES } from "./queries.js";
import type { ReadCase } from "./queries.js";

/** What one server answered. */
export interface Answer {
  data: unknown;
  errors: readonly unknown[] | undefined;
  statements: number;
  compiled: boolean;
}

/** A database for a suite, with the slugs its cases ask about. */
export interface SuiteDatabase {
  /** A SQLite file, or a PostgreSQL database's URL (`postgres://…`), as createTestApi takes. */
  file: string;
  slugs: Slugs;
  /** Deletes the database (a PostgreSQL one is dropped asynchronously). */
  remove(): void | Promise<void>;
}

/** The two ways of answering, over one database. */
export interface Pair {
  compiled: TestApi;
  resolvers: TestApi;
  fixture: Fixture;
  /** Runs `readCase` on one side (an operationName goes through a server of the same kind: TestApi.run takes none). */
  run(side: "compiled" | "resolvers", readCase: ReadCase): Promise<Answer>;
}

/**
 * Registers hooks that build the database and the two APIs over it (compiled reads on and off),
 * and returns the pair (usable once the hooks have run).
 */
export function usePair(build: () => Promise<SuiteDatabase> | SuiteDatabase): Pair {
  let database: SuiteDatabase | undefined;
  const named: Partial<Record<"compiled" | "resolvers", NamedRunner>> = {};
  const pair = {} as Pair;
  beforeAll(async () => {
    database = await build();
    pair.compiled = await createTestApi(database.file, silentLogger, { compiledReads: true });
    pair.resolvers = await createTestApi(database.file, silentLogger, { compiledReads: false });
    named.compiled = await namedRunner(database.file, true);
    named.resolvers = await namedRunner(database.file, false);
    pair.fixture = await fixtureOf(pair.resolvers, database.slugs);
  });
  afterAll(async () => {
    await pair.compiled?.close();
    await pair.resolvers?.close();
    await named.compiled?.close();
    await named.resolvers?.close();
    await database?.remove();
  });
  pair.run = async (side, readCase) => {
    const query = typeof readCase.query === "function" ? readCase.query(pair.fixture) : readCase.query;
    const variables = readCase.variables?.(pair.fixture);
    if (readCase.operationName !== undefined) return named[side]!.run(query, variables, readCase.operationName);
    return pair[side].run(query, variables);
  };
  return pair;
}

/**
 * The table of read cases as one `it` each: both answers must be the same JSON text (so the same
 * key order) and the same errors; cases marked `expectCompiled` must be answered by compiled reads.
 * Logs, once, which cases compiled reads answered and which they left to the resolvers.
 */
export function differentialSuite(
  title: string,
  build: () => Promise<SuiteDatabase> | SuiteDatabase,
  /** More tests over the same pair, in the same describe (so under the same hooks). */
  more?: (pair: Pair) => void,
  cases: readonly ReadCase[] = READ_CASES,
): void {
  const coverage = new Map<string, boolean>();
  describe(title, () => {
    const pair = usePair(build);
    afterAll(() => {
      const compiled = cases.filter((c) => coverage.get(c.name) === true).map((c) => c.name);
      const fellBack = cases.filter((c) => coverage.get(c.name) === false).map((c) => c.name);
      console.log(
        `${title}: compiled reads answered ${compiled.length} of ${coverage.size} cases\n` +
          `  compiled:\n${compiled.map((name) => `    ${name}`).join("\n")}\n` +
          `  fell back to the resolvers:\n${fellBack.map((name) => `    ${name}`).join("\n")}`,
      );
    });
    const names = new Set<string>();
    for (const readCase of cases) {
      assert(!names.has(readCase.name), `two cases are named ${readCase.name}`);
      names.add(readCase.name);
      it(readCase.name, async () => {
        const reference = await pair.run("resolvers", readCase);
        const answer = await pair.run("compiled", readCase);
        coverage.set(readCase.name, answer.compiled);
        expect(reference.compiled, "the graphql-js server never compiles").toBe(false);
        expect(reference.errors !== undefined, `graphql-js errors: ${JSON.stringify(reference.errors)}`).toBe(readCase.expectErrors === true);
        const difference = firstDifference(answer.data, reference.data);
        expect(difference, `${readCase.name}: compiled ≠ graphql-js at ${difference}`).toBeNull();
        expect(JSON.stringify(answer.data)).toBe(JSON.stringify(reference.data));
        expect(answer.errors).toEqual(reference.errors);
        if (readCase.expectCompiled) expect(answer.compiled, `${readCase.name} fell back to the resolvers`).toBe(true);
      });
    }
    more?.(pair);
  });
}

/**
 * Where two JSON values first differ, in document order, as `path: compiled … vs graphql-js …`
 * (key order counts); null when they are the same.
 */
export function firstDifference(actual: unknown, expected: unknown, path = "data"): string | null {
  const show = (value: unknown) => {
    const text = JSON.stringify(value);
    return text === undefined ? "undefined" : text.length > 300 ? `${text.slice(0, 300)}…` : text;
  };
  if (Array.isArray(actual) && Array.isArray(expected)) {
    for (let i = 0; i < Math.min(actual.length, expected.length); i += 1) {
      const inner = firstDifference(actual[i], expected[i], `${path}[${i}]`);
      if (inner) return inner;
    }
    return actual.length === expected.length ? null : `${path}: compiled has ${actual.length} items, graphql-js ${expected.length}`;
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (isObject(actual) && isObject(expected)) {
    const actualKeys = Object.keys(actual);
    const expectedKeys = Object.keys(expected);
    for (let i = 0; i < Math.max(actualKeys.length, expectedKeys.length); i += 1) {
      const key = expectedKeys[i];
      if (actualKeys[i] !== key) return `${path}: keys ${show(actualKeys)} vs graphql-js ${show(expectedKeys)}`;
      const inner = firstDifference(actual[key!], expected[key!], `${path}.${key}`);
      if (inner) return inner;
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${path}: compiled ${show(actual)} vs graphql-js ${show(expected)}`;
}

interface NamedRunner {
  run(query: string, variables: Record<string, unknown> | undefined, operationName: string): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * The server createTestApi builds, for the cases that name their operation (TestApi.run passes no
 * operationName). `target`: a SQLite file, or a PostgreSQL database's URL (`postgres://…`).
 */
async function namedRunner(target: string, compiledReads: boolean): Promise<NamedRunner> {
  const postgres = /^postgres(ql)?:\/\//.test(target);
  const db = postgres ? null : openDatabase(target);
  const sql: SqlReader = db ? new Sql(db) : PostgresSql.connect(target, { max: 4 });
  const server: ApolloServer<Context> = createApolloServer({ logger: silentLogger, compiledReads });
  await server.start();
  return {
    async run(query, variables, operationName) {
      const contextValue = createContext(sql);
      const response = await server.executeOperation({ query, operationName, ...(variables ? { variables } : {}) }, { contextValue });
      assert.equal(response.body.kind, "single");
      const result = response.body.singleResult;
      return { data: result.data, errors: result.errors, statements: contextValue.sql.count, compiled: contextValue.answered.compiled };
    },
    async close() {
      await server.stop();
      if (db) db.close();
      else await (sql as PostgresSql).close();
    },
  };
}
