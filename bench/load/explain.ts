import { parseArgs } from "node:util";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import type { SqlReader } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { OPERATION_NAMES, OPERATIONS, sampleRequests } from "./ops.js";

// `tsx bench/load/explain.ts --articles N`: runs each operation of the mix through the API once,
// records every statement with its parameters, and prints its EXPLAIN QUERY PLAN and time, marking
// full scans of a table (a `SCAN <table>` that is not json_each, a CTE or a subquery).
const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" } } });
const db = openDatabase(corpusFile(Number(values.articles)), { readonly: true });
const sql = new Sql(db);
const seen: { sql: string; params: readonly unknown[] }[] = [];
const recorder: SqlReader = {
  dialect: "sqlite",
  all: (text, params = []) => (seen.push({ sql: text, params }), sql.all(text, params)),
  get: (text, params = []) => (seen.push({ sql: text, params }), sql.get(text, params)),
};
const server = createApolloServer({ logger: silentLogger });
await server.start();
const requests = sampleRequests(db, 10, 5);
for (const op of OPERATION_NAMES) {
  const request = requests.find((r) => r.op === op)!;
  seen.length = 0;
  const response = await server.executeOperation({ query: OPERATIONS[op], variables: request.variables }, { contextValue: createContext(recorder) });
  if (response.body.kind === "single" && response.body.singleResult.errors) throw new Error(JSON.stringify(response.body.singleResult.errors));
  console.log(`\n=== ${op} ${JSON.stringify(request.variables)}: ${seen.length} statements`);
  for (const statement of [...seen]) {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as { detail: string }[]).map((row) => row.detail);
    const t = performance.now();
    for (let i = 0; i < 20; i += 1) db.prepare(statement.sql).all(...statement.params);
    const ms = (performance.now() - t) / 20;
    const scans = plan.filter((d) => /^SCAN (?!json_each|tree|x\b|s\b|keys|links|mine|\(subquery|CONSTANT)/.test(d));
    console.log(`--- ${ms.toFixed(3)} ms${scans.length ? `  FULL SCAN: ${scans.join("; ")}` : ""}\n${statement.sql.replace(/\s+/g, " ").slice(0, 300)}\n  ${plan.join("\n  ")}`);
  }
}
await server.stop();
