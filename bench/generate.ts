import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { progressLine } from "../src/cli/progressLine.js";
import { corpusFile, generateCorpus } from "./corpus/generateCorpus.js";

// `npm run bench:generate -- --articles 100000 [--out file] [--with-triggers]`
// Writes a deterministic synthetic record to data/bench/corpus-<N>.db (gitignored) and prints the
// row counts and throughput; the numbers also go to bench/results/generate-<N>.json.
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    out: { type: "string" },
    "with-triggers": { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 10) throw new Error(`--articles must be an integer ≥ 10, got ${values.articles}`);
const file = resolve(values.out ?? corpusFile(articles));
const stats = generateCorpus({ articles, file, withTriggers: values["with-triggers"], progress: progressLine() });
console.table(stats.rows);
console.log(
  `${stats.totalRows} rows in ${stats.seconds.total} s (${stats.rowsPerSecond} rows/s; inserts ${stats.seconds.insert} s, ` +
    `full-text index ${stats.seconds.index} s, triggers ${stats.withTriggers ? "on" : "off, index built after"}) → ${file} (${stats.megabytes} MB)`,
);
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `generate-${articles}${stats.withTriggers ? "-triggers" : ""}.json`), `${JSON.stringify({ ...stats, node: process.version }, null, 2)}\n`);
