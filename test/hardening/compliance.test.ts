import { serverAudits } from "graphql-http";
import type { AuditResult } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// The SHOULDs this server does not meet, each explained in docs/hardening.md ("Compliance"). The
// test fails when the list goes stale in either direction.
const KNOWN_SHOULD_FAILURES = {
  "572B": "SHOULD use 200 status code on document parsing failure when accepting application/json",
  FDE2: "SHOULD use 200 status code on document validation failure when accepting application/json",
  "7B9B": "SHOULD use a status code of 200 on variable coercion failure when accepting application/json",
};

let database: TestDatabase;
let server: RunningServer;
let results: AuditResult[];

beforeAll(async () => {
  database = await seededDatabase();
  server = await startServer({ file: database.file, port: 0, logger: silentLogger });
  results = [];
  for (const audit of serverAudits({ url: server.url })) results.push(await audit.fn());
});
afterAll(async () => {
  await server.stop();
  database.remove();
});

describe("graphql-http's GraphQL-over-HTTP audit of the running server", () => {
  it("passes every MUST", () => {
    const musts = results.filter((r) => r.name.startsWith("MUST"));
    expect(musts.length).toBeGreaterThan(10);
    expect(musts.filter((r) => r.status !== "ok").map((r) => `${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`)).toEqual([]);
  });

  it("fails only the documented SHOULDs", () => {
    const failing = Object.fromEntries(results.filter((r) => r.name.startsWith("SHOULD") && r.status !== "ok").map((r) => [r.id, r.name]));
    expect(failing).toEqual(KNOWN_SHOULD_FAILURES);
  });
});
