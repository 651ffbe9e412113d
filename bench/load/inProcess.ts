import { parseArgs } from "node:util";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { OPERATIONS, sampleRequests } from "./ops.js";

// `tsx bench/load/inProcess.ts --articles N [--pragma mmap_size=268435456]`: the mix through
// Apollo's executeOperation in one process (no HTTP), best of 5 rounds — low-noise A/B for levers
// whose effect is smaller than the HTTP run's noise. Run it before and after a change.
const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, pragma: { type: "string", multiple: true, default: [] }, rounds: { type: "string", default: "5" } } });
const db = openDatabase(corpusFile(Number(values.articles)));
for (const pragma of values.pragma) db.pragma(pragma);
const sql = new Sql(db);
const server = createApolloServer({ logger: silentLogger });
await server.start();
const requests = sampleRequests(db, 2000, 11);
const run = async () => {
  const t = performance.now();
  for (const r of requests) {
    const response = await server.executeOperation({ query: OPERATIONS[r.op], variables: r.variables }, { contextValue: createContext(sql) });
    JSON.stringify(response.body);
  }
  return requests.length / ((performance.now() - t) / 1000);
};
await run();
const rounds: number[] = [];
for (let i = 0; i < Number(values.rounds); i += 1) rounds.push(await run());
console.log(`${Math.round(Math.max(...rounds))} ops/s best of ${rounds.length} (${rounds.map(Math.round).join(", ")}) NODE_ENV=${process.env.NODE_ENV ?? ""} pragmas=${values.pragma.join(",") || "-"}`);
await server.stop();
