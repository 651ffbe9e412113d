import { parseArgs } from "node:util";
import { HeaderMap } from "@apollo/server";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { execute, getOperationAST, getVariableValues, parse } from "graphql";
import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { compileOperation } from "../../src/compiled/compileOperation.js";
import type { CompiledOperation } from "../../src/compiled/compileOperation.js";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { resolvers } from "../../src/schema/resolvers.js";
import { loadTypeDefs } from "../../src/schema/typeDefs.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { createFloor } from "./floor.js";
import { OPERATIONS, sampleRequests } from "./ops.js";
import type { OperationName } from "./ops.js";

// `NODE_ENV=production tsx bench/load/layerCosts.ts --articles N [--rounds 8] [--concurrency 1]
// [--only <layer>]`: where the API's CPU
// per request goes, layer by layer, on the same 2,000-request mix in one process (rounds
// interleaved, best of each): the floor; graphql-js's `execute` on a parsed document (resolvers,
// loaders and SQL, no Apollo); Apollo's `executeOperation`; and Apollo's HTTP entry point
// `executeHTTPGraphQLRequest` with the headers and body a client sends. Differences between
// adjacent layers are what each layer adds. `--concurrency 32` runs 32 requests at a time through
// each layer (in process, they interleave at every await; over HTTP they mostly do not, see
// docs/performance.md); `--only execute` with `node --cpu-prof` profiles one layer.
const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" }, rounds: { type: "string", default: "8" }, only: { type: "string" }, concurrency: { type: "string", default: "1" } } });
const db = openDatabase(corpusFile(Number(values.articles)), { readonly: true });
const sql = new Sql(db);
const floor = createFloor(db, () => {});
const api = createApolloServer({ logger: silentLogger });
await api.start();
const apiResolvers = createApolloServer({ logger: silentLogger, compiledReads: false });
await apiResolvers.start();
const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: resolvers as never });
const documents = Object.fromEntries(Object.entries(OPERATIONS).map(([name, text]) => [name, parse(text)])) as Record<OperationName, DocumentNode>;
const compiled = Object.fromEntries(
  Object.entries(documents).map(([name, document]) => {
    const operation = getOperationAST(document)!;
    return [name, { operation, plan: compileOperation(schema, document, operation)! }];
  }),
) as Record<OperationName, { operation: OperationDefinitionNode; plan: CompiledOperation }>;
const requests = sampleRequests(db, 2000, 11);
const concurrency = Number(values.concurrency);
const headers = () => {
  const map = new HeaderMap();
  map.set("content-type", "application/json");
  map.set("accept", "application/graphql-response+json, application/json");
  return map;
};

const layers = {
  floor: async (r: (typeof requests)[number]) => JSON.stringify(floor[r.op](r.variables)),
  execute: async (r: (typeof requests)[number]) => JSON.stringify(await execute({ schema, document: documents[r.op], variableValues: r.variables, contextValue: createContext(sql) })),
  compiled: async (r: (typeof requests)[number]) => {
    const { operation, plan } = compiled[r.op];
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], r.variables);
    if (variables.errors) throw variables.errors[0];
    return JSON.stringify({ data: await plan.run(createContext(sql), variables.coerced) });
  },
  executeOperationResolvers: async (r: (typeof requests)[number]) =>
    JSON.stringify((await apiResolvers.executeOperation({ query: OPERATIONS[r.op], variables: r.variables }, { contextValue: createContext(sql) })).body),
  executeOperation: async (r: (typeof requests)[number]) => JSON.stringify((await api.executeOperation({ query: OPERATIONS[r.op], variables: r.variables }, { contextValue: createContext(sql) })).body),
  http: async (r: (typeof requests)[number]) => {
    const body = JSON.parse(JSON.stringify({ query: OPERATIONS[r.op], variables: r.variables }));
    const result = await api.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: "POST", headers: headers(), search: "", body }, context: async () => createContext(sql) });
    if (result.body.kind !== "complete") throw new Error("chunked answer");
    return result.body.string;
  },
};
type Layer = keyof typeof layers;

async function round(layer: Layer): Promise<number> {
  const start = process.cpuUsage();
  let next = 0;
  const lane = async () => {
    while (next < requests.length) await layers[layer](requests[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / requests.length;
}

const best = Object.fromEntries(Object.keys(layers).map((l) => [l, Infinity])) as Record<Layer, number>;
const rounds = Number(values.rounds);
for (let i = 0; i < rounds; i += 1) {
  for (const layer of Object.keys(layers) as Layer[]) if (!values.only || values.only === layer) best[layer] = Math.min(best[layer], await round(layer));
  process.stderr.write(`\rround ${i + 1}/${rounds}: ${Object.entries(best).map(([l, v]) => `${l} ${v.toFixed(0)}`).join(", ")} µs`);
}
process.stderr.write("\n");
const names = Object.keys(layers) as Layer[];
console.table(Object.fromEntries(names.map((l, i) => [l, { "µs CPU per request": Math.round(best[l]), "added by this layer": i === 0 ? "" : Math.round(best[l] - best[names[i - 1]!]) }])));
await api.stop();
