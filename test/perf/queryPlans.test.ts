import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "better-sqlite3";
import type { ApolloServer } from "@apollo/server";
import { generateCorpus } from "../../bench/corpus/generateCorpus.js";
import { OPERATION_NAMES, OPERATIONS, sampleRequests } from "../../bench/load/ops.js";
import type { OperationName } from "../../bench/load/ops.js";
import type { Context } from "../../src/context/Context.js";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import type { SqlReader } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";

// The benchmark's analyst mix (bench/load/ops.ts) on a small synthetic corpus: every statement the
// API runs for it uses an index (no full scan of a table), and the statement count per operation
// stays where docs/performance.md reports it.
const STATEMENTS: Record<"resolvers" | "compiled", Record<OperationName, number>> = {
  resolvers: {
    actorPositions: 4,
    actorMeetings: 8,
    // the topic's tree is read first, so each topic gets its own ordered run (topicWindowQuery)
    meetingsByTopic: 4,
    // the body comes from its own batch: article rows elsewhere (sources, lists) leave it out
    articleMentions: 5,
    deepPage: 1,
  },
  // src/compiled: one statement per object looked up or page read, whatever is nested below it
  compiled: {
    actorPositions: 1,
    // the actor, then its page of meetings with their participants, topics and sources
    actorMeetings: 2,
    // the topic's id, its tree, the page
    meetingsByTopic: 3,
    articleMentions: 1,
    deepPage: 1,
  },
};

/** `SCAN <table or alias>`; scans of json_each, CTEs and subqueries are bounded by their input. */
// run<i>, k and p are topicWindowQuery's subqueries: one page of keys per topic, their union, the page;
// w is a compiled read's page of keys, t<n>x its per-row derived lists (a meeting's topic links).
// Meeting_span_dateSort_idx is partial: it holds only meetings without a single known day, so
// walking all of it reads those few rows, not the table.
const fullScan = (detail: string) =>
  /^SCAN /.test(detail) && !/^SCAN (json_each|tree|x|s|k|p|w|t\d+x|run\d+|keys|links|mine|\(subquery|CONSTANT ROW)\b/.test(detail) && !/USING INDEX Meeting_span_dateSort_idx$/.test(detail);

let dir: string;
let db: Database;
let servers: Record<"resolvers" | "compiled", ApolloServer<Context>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "taawun-plans-"));
  const file = join(dir, "corpus.db");
  generateCorpus({ articles: 400, file });
  db = openDatabase(file);
  servers = { resolvers: createApolloServer({ logger: silentLogger, compiledReads: false }), compiled: createApolloServer({ logger: silentLogger }) };
  await Promise.all(Object.values(servers).map((server) => server.start()));
});

afterAll(async () => {
  await Promise.all(Object.values(servers ?? {}).map((server) => server.stop()));
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the analyst mix's statements", () => {
  it.each(OPERATION_NAMES.flatMap((op) => (["resolvers", "compiled"] as const).map((executor) => [op, executor] as const)))(
    "%s through the %s uses indexes only, in the expected number of statements", async (op, executor) => {
    const sql = new Sql(db);
    const server = servers[executor];
    for (const request of sampleRequests(db, 50, 3).filter((r) => r.op === op).slice(0, 3)) {
      const seen: { text: string; params: readonly unknown[] }[] = [];
      const recorder: SqlReader = {
        dialect: "sqlite",
        all: (text, params = []) => (seen.push({ text, params }), sql.all(text, params)),
        get: (text, params = []) => (seen.push({ text, params }), sql.get(text, params)),
      };
      const response = await server.executeOperation({ query: OPERATIONS[op], variables: request.variables }, { contextValue: createContext(recorder) });
      expect(response.body.kind === "single" && response.body.singleResult.errors).toBeFalsy();
      expect(seen.length, JSON.stringify(request.variables)).toBeLessThanOrEqual(STATEMENTS[executor][op]);
      for (const statement of seen) {
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statement.text}`).all(...statement.params) as { detail: string }[]).map((row) => row.detail);
        expect(plan.filter(fullScan), `${statement.text}\n${plan.join("\n")}`).toEqual([]);
      }
    }
  });

  it("flags a full scan", () => {
    expect(fullScan("SCAN Meeting")).toBe(true);
    expect(fullScan("SCAN m")).toBe(true);
    expect(fullScan("SCAN json_each VIRTUAL TABLE INDEX 1:")).toBe(false);
    expect(fullScan("SEARCH m USING INDEX Meeting_dateSort_id_idx (dateSort>?)")).toBe(false);
  });
});
