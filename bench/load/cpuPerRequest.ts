import { parseArgs } from "node:util";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { createFloor } from "./floor.js";
import { OPERATION_NAMES, OPERATIONS, sampleRequests } from "./ops.js";

// `NODE_ENV=production tsx bench/load/cpuPerRequest.ts --articles N [--rounds 8]`: CPU time per
// request of the floor and of the API (Apollo's executeOperation, no HTTP) on the same 2,000-request
// mix, in one process, rounds interleaved, best round of each. CPU time is what a request costs
// the server whatever else runs on the machine, so the ratio floor/API holds up on a shared machine
// where req/s over HTTP does not (another process's load moves req/s by tens of percent). Both
// sides serialise their answer; neither pays for HTTP, which the load runs add on top.
const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, rounds: { type: "string", default: "8" } } });
const db = openDatabase(corpusFile(Number(values.articles)), { readonly: true });
const sql = new Sql(db);
const floor = createFloor(db, () => {});
const api = createApolloServer({ logger: silentLogger });
await api.start();
const requests = sampleRequests(db, 2000, 11);

type Target = "floor" | "api";
const perOp: Record<Target, Record<string, number>> = { floor: {}, api: {} };
const run: Record<Target, (r: (typeof requests)[number]) => Promise<unknown>> = {
  floor: async (r) => JSON.stringify(floor[r.op](r.variables)),
  api: async (r) => JSON.stringify((await api.executeOperation({ query: OPERATIONS[r.op], variables: r.variables }, { contextValue: createContext(sql) })).body),
};

/** One round: every request once; CPU µs per request overall and per operation. */
async function round(target: Target): Promise<number> {
  const ops: Record<string, number> = {};
  const start = process.cpuUsage();
  for (const r of requests) {
    const before = process.cpuUsage();
    await run[target](r);
    const used = process.cpuUsage(before);
    ops[r.op] = (ops[r.op] ?? 0) + used.user + used.system;
  }
  const total = process.cpuUsage(start);
  const perRequest = (total.user + total.system) / requests.length;
  for (const op of OPERATION_NAMES) perOp[target][op] = Math.min(perOp[target][op] ?? Infinity, (ops[op] ?? 0) / (requests.length / OPERATION_NAMES.length));
  return perRequest;
}

const best: Record<Target, number> = { floor: Infinity, api: Infinity };
const rounds = Number(values.rounds);
for (let i = 0; i < rounds; i += 1) {
  for (const target of ["floor", "api"] as const) best[target] = Math.min(best[target], await round(target));
  process.stderr.write(`\rround ${i + 1}/${rounds}: floor ${best.floor.toFixed(0)} µs, API ${best.api.toFixed(0)} µs CPU per request (best so far)`);
}
process.stderr.write("\n");
console.table(Object.fromEntries(OPERATION_NAMES.map((op) => [op, { "floor µs": Math.round(perOp.floor[op]!), "API µs": Math.round(perOp.api[op]!), "floor/API": +(perOp.floor[op]! / perOp.api[op]!).toFixed(2) }])));
console.log(`${values.articles} articles: floor ${best.floor.toFixed(0)} µs, API ${best.api.toFixed(0)} µs CPU per request; floor/API ${(best.floor / best.api).toFixed(2)} (best of ${rounds} interleaved rounds)`);
await api.stop();
