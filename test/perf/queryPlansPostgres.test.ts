import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApolloServer } from "@apollo/server";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { generateCorpus } from "../../bench/corpus/generateCorpus.js";
import { OPERATION_NAMES, OPERATIONS, sampleRequests } from "../../bench/load/ops.js";
import { loadCorpusIntoPostgres } from "../../bench/postgres/loadCorpusIntoPostgres.js";
import type { Context } from "../../src/context/Context.js";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { PostgresSql } from "../../src/db/PostgresSql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { createPostgresDatabase, describeIfPostgres } from "../support/postgres.js";
import type { PostgresTestDatabase } from "../support/postgres.js";

// The analyst mix on PostgreSQL: every statement the API sends can be answered from an index. On a
// small corpus the planner rightly prefers sequential scans, so each plan is asked for with
// enable_seqscan off; a whole-table scan left in it (wholeScans) means no index could serve that
// part. With `IN (batch)` instead of `= ANY(ARRAY(batch))` (toPostgresSql) four of the five
// operations fail here: the hash joins against every row that cost 3.5–4 ms per batch at 10k.
// 2,000 articles, because at 400 the planner still joins one index against another end to end.
interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

// The topic taxonomy is tens of rows whatever the record's size (60 in the synthetic corpus, 32 in
// the curated one): walking its parent index whole to expand a topic's tree is the cheapest plan.
const SMALL_TABLES = new Set(["Topic"]);

/**
 * Scans that read a whole table: a Seq Scan, or an index walked end to end (no Index Cond), which
 * is what the planner picks instead once sequential scans are off (a hash join against every row).
 */
function wholeScans(node: PlanNode): string[] {
  const table = node["Relation Name"];
  const whole = table !== undefined && !SMALL_TABLES.has(table) && /^(Seq Scan|Index Scan|Index Only Scan)$/.test(node["Node Type"]) && !node["Index Cond"];
  const own = whole ? [`${node["Node Type"]} ${table}${node["Index Name"] ? ` (${node["Index Name"]})` : ""}`] : [];
  return [...own, ...(node.Plans ?? []).flatMap(wholeScans)];
}

let dir: string;
let database: PostgresTestDatabase;
let pool: pg.Pool;
let server: ApolloServer<Context>;
let requests: ReturnType<typeof sampleRequests>;
let sql: PostgresSql;
let explain: pg.Client;
const seen: { text: string; values: unknown[] }[] = [];

describeIfPostgres("the analyst mix's statements on PostgreSQL", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "taawun-pg-plans-"));
    const file = join(dir, "corpus.db");
    generateCorpus({ articles: 2000, file });
    const db = openDatabase(file, { readonly: true });
    requests = sampleRequests(db, 50, 3);
    db.close();
    // The corpus loader writes only to databases named bench_*, so a test database gets that prefix.
    const prefix = process.env.TAAWUN_TEST_POSTGRES_PREFIX;
    process.env.TAAWUN_TEST_POSTGRES_PREFIX = `bench_${prefix ?? "taawun_test_"}`;
    try {
      database = await createPostgresDatabase();
    } finally {
      if (prefix === undefined) delete process.env.TAAWUN_TEST_POSTGRES_PREFIX;
      else process.env.TAAWUN_TEST_POSTGRES_PREFIX = prefix;
    }
    await loadCorpusIntoPostgres({ sqliteFile: file, url: database.url, method: "copy", recreate: false, log: () => {}, progress: () => {} });
    // The API's own pool settings (e.g. how bigint counts are read).
    pool = PostgresSql.connect(database.url, { max: 2 }).pool;
    await pool.query("ANALYZE");
    // One reader for every test: its prepared statements' names are per reader, per connection.
    sql = new PostgresSql({ query: (config: { text: string; values: unknown[] }) => (seen.push(config), pool.query(config)) } as unknown as pg.Pool);
    explain = new pg.Client({ connectionString: database.url });
    await explain.connect();
    await explain.query("SET enable_seqscan = off");
    server = createApolloServer({ logger: silentLogger });
    await server.start();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await explain?.end();
    await pool?.end();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(OPERATION_NAMES)("%s: every statement can use an index", async (op) => {
    for (const request of requests.filter((r) => r.op === op).slice(0, 3)) {
      seen.length = 0;
      const response = await server.executeOperation({ query: OPERATIONS[op], variables: request.variables }, { contextValue: createContext(sql) });
      expect(response.body.kind === "single" && response.body.singleResult.errors).toBeFalsy();
      expect(seen.length).toBeGreaterThan(0);
      for (const { text, values } of seen) {
        const [{ "QUERY PLAN": [{ Plan: plan }] }] = (await explain.query({ text: `EXPLAIN (FORMAT JSON) ${text}`, values })).rows;
        expect(wholeScans(plan), `${text}\n${JSON.stringify(plan, null, 1)}`).toEqual([]);
      }
    }
  });
});
