import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { OPERATIONS, sampleRequests } from "./ops.js";
import { TimingSql } from "./TimingSql.js";
// `NODE_ENV=production tsx bench/load/statementTimes.ts [articles]`: the mix through the API in one
// process (executeOperation), every statement timed by its SQL text: time per request and per call,
// then each operation's wall time and the SQL share of a request. Last of three rounds (warm).
const db = openDatabase(corpusFile(Number(process.argv[2] ?? 10000)), { readonly: true });
const timing = new TimingSql(new Sql(db));
const server = createApolloServer({ logger: silentLogger });
await server.start();
const requests = sampleRequests(db, 2000, 11);
const perOp = new Map<string, number>();
for (let round = 0; round < 3; round++) {
  timing.times.clear(); perOp.clear();
  for (const r of requests) {
    const t = performance.now();
    const response = await server.executeOperation({ query: OPERATIONS[r.op], variables: r.variables }, { contextValue: createContext(timing) });
    JSON.stringify(response.body);
    perOp.set(r.op, (perOp.get(r.op) ?? 0) + performance.now() - t);
  }
}
const n = requests.length;
let sqlTotal = 0;
for (const [sql, e] of [...timing.times].sort((a, b) => b[1].callMs - a[1].callMs)) { sqlTotal += e.callMs; console.log(`${(e.callMs / n * 1000).toFixed(1).padStart(7)} µs/req  ${(e.callMs / e.count * 1000).toFixed(1).padStart(7)} µs/call x${e.count}  ${sql.slice(0, 150)}`); }
let total = 0; for (const [op, ms] of perOp) { total += ms; console.log(op, (ms / (n / 5) * 1000).toFixed(0), "µs/op"); }
console.log("per request: total", (total / n * 1000).toFixed(0), "µs, sql", (sqlTotal / n * 1000).toFixed(0), "µs");
await server.stop();
