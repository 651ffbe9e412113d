import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { silentLogger } from "../../src/server/logger.js";
import type { Logger } from "../../src/server/logger.js";
import { createTestApi } from "../support/testApi.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { SEED_SLUGS, fixtureOf } from "./fixture.js";
import type { Fixture } from "./fixture.js";
import { READ_CASES } from "./queries.js";

// Over HTTP a compiled answer is written from its JSON text without a parse and a stringify
// (src/compiled/compiledAnswer.ts): the bytes on the wire must be the ones the resolvers give.
let database: TestDatabase;
let compiled: RunningServer;
let resolvers: RunningServer;
let fixture: Fixture;
const answeredCompiled: boolean[] = [];
const logger: Logger = { ...silentLogger, info: (message, fields) => void (message === "graphql" && answeredCompiled.push(fields?.compiled === true)) };

beforeAll(async () => {
  database = await seededDatabase();
  compiled = await startServer({ file: database.file, port: 0, logger });
  resolvers = await startServer({ file: database.file, port: 0, logger: silentLogger, compiledReads: false });
  const api = await createTestApi(database.file);
  fixture = await fixtureOf(api, SEED_SLUGS);
  await api.close();
});

afterAll(async () => {
  await compiled?.stop();
  await resolvers?.stop();
  await database?.remove();
});

async function post(server: RunningServer, body: unknown) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

describe("compiled reads over HTTP", () => {
  it.each(READ_CASES.map((readCase) => [readCase.name, readCase] as const))("%s: the same bytes as the resolvers", async (_name, readCase) => {
    const query = typeof readCase.query === "function" ? readCase.query(fixture) : readCase.query;
    const body = { query, variables: readCase.variables?.(fixture) ?? {}, ...(readCase.operationName ? { operationName: readCase.operationName } : {}) };
    answeredCompiled.length = 0;
    const [a, b] = [await post(compiled, body), await post(resolvers, body)];
    expect(a).toEqual(b);
    if (readCase.expectCompiled) expect(answeredCompiled).toEqual([true]);
  });
});
