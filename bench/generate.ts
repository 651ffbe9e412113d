import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { progressLine } from "../src/cli/progressLine.js";
import { corpusFile, generateCorpus } from "./corpus/generateCorpus.js";

// `npm run bench:generate -- --articles 100000 [--out file] [--with-triggers] [--in-thread]`
// Writes a deterministic synthetic record to data/bench/corpus-<N>.db (gitignored) and prints the
// row counts and throughput; the numbers also go to bench/results/generate-<N>.json. The rows are
// generated in a worker thread while this one writes them, unless --in-thread (same rows).
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    out: { type: "string" },
    "with-triggers": { type: "boolean", default: false },
    "in-thread": { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 10) throw new Error(`--articles must be an integer ≥ 10, got ${values.articles}`);
const file = resolve(values.out ?? corpusFile(articles));
const stats = generateCorpus({ articles, file, withTriggers: values["with-triggers"], worker: !values["in-thread"], progress: progressLine() });
console.table(stats.rows);
const { seconds } = stats;
console.log(
  `${stats.totalRows} rows in ${seconds.total} s (${stats.rowsPerSecond} rows/s): rows ` +
    (stats.withTriggers ? `and full-text index (triggers on) ${seconds.insert} s` : `and full-text index ${seconds.insert} s (index ${seconds.index} s of it)`) +
    `, ${seconds.rowsWait} s of it waiting for rows generated ${stats.worker ? "in a worker" : "in line"}` +
    (stats.withTriggers ? "" : `; index merged into one segment ${seconds.optimize} s`) +
    `; finish ${seconds.finish} s → ${file} (${stats.megabytes} MB)`,
);
const out = join(import.meta.dirname, "results");
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `generate-${articles}${stats.withTriggers ? "-triggers" : ""}${stats.worker ? "" : "-in-thread"}.json`), `${JSON.stringify({ ...stats, node: process.version }, null, 2)}\n`);
