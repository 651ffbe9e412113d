import { parseArgs } from "node:util";
import { openDatabase } from "../../src/db/openDatabase.js";
import { corpusFile } from "../corpus/generateCorpus.js";
import { createFloor } from "./floor.js";
import { OPERATION_NAMES, sampleRequests } from "./ops.js";

// `tsx bench/load/opTimes.ts --articles N`: in-process mean time of each floor operation, to see
// which statement dominates (no HTTP, no GraphQL).
const { values } = parseArgs({ options: { articles: { type: "string", default: "10000" } } });
const db = openDatabase(corpusFile(Number(values.articles)), { readonly: true });
const floor = createFloor(db, () => {});
const requests = sampleRequests(db, 1000, 3);
for (const op of OPERATION_NAMES) {
  const mine = requests.filter((r) => r.op === op);
  const t = performance.now();
  for (const r of mine) JSON.stringify(floor[op](r.variables));
  console.log(`${op.padEnd(16)} ${((performance.now() - t) / mine.length).toFixed(3)} ms`);
}
