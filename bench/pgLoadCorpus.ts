import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { progressLine } from "../src/cli/progressLine.js";
import { corpusFile } from "./corpus/generateCorpus.js";
import { benchPostgresUrl } from "./postgres/benchPostgresUrl.js";
import { loadCorpusIntoPostgres } from "./postgres/loadCorpusIntoPostgres.js";
import type { CopyMethod } from "./postgres/loadCorpusIntoPostgres.js";

// `npm run bench:pg:load-corpus -- --articles 10000 [--url postgres://…/bench_corpus_10000]
//   [--db corpus.db] [--method copy|insert] [--recreate] [--skip-sqlite-migrate] [--keep-indexes] [--with-triggers]`
// Copies the SQLite corpus of `npm run bench:generate` into a PostgreSQL database (created and
// migrated by the API's own code) for the PostgreSQL targets of `npm run bench:load`. Prints the
// rows and throughput; the numbers also go to bench/results/pg-load-corpus-<N>.json.
const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    db: { type: "string" },
    url: { type: "string" },
    method: { type: "string", default: "copy" },
    recreate: { type: "boolean", default: false },
    "skip-sqlite-migrate": { type: "boolean", default: false },
    "keep-indexes": { type: "boolean", default: false },
    "with-triggers": { type: "boolean", default: false },
  },
});
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) throw new Error(`--articles must be a positive integer, got ${values.articles}`);
const sqliteFile = resolve(values.db ?? corpusFile(articles));
if (!existsSync(sqliteFile)) throw new Error(`${sqliteFile} does not exist: run \`npm run bench:generate -- --articles ${articles}\` first.`);
if (values.method !== "copy" && values.method !== "insert") throw new Error(`--method must be copy or insert, got ${values.method}`);

try {
  const stats = await loadCorpusIntoPostgres({
    sqliteFile,
    url: values.url ?? benchPostgresUrl(articles),
    method: values.method as CopyMethod,
    recreate: values.recreate,
    skipSqliteMigrate: values["skip-sqlite-migrate"],
    keepIndexes: values["keep-indexes"],
    withTriggers: values["with-triggers"],
    log: (line) => console.error(line),
    progress: progressLine(),
  });
  console.table(stats.rows);
  console.log(
    `${stats.totalRows} rows in ${stats.seconds.total} s (${stats.rowsPerSecond.overall} rows/s overall; copy ${stats.seconds.copy} s = ` +
      `${stats.rowsPerSecond.copy} rows/s by ${stats.method}, search index ${stats.seconds.searchIndex} s for ${stats.searchDocuments} documents, ` +
      `${stats.rebuilt.length} keys/indexes/foreign keys ${stats.seconds.indexes} s, sequences + VACUUM ANALYZE ${stats.seconds.analyze} s) → ${stats.url}`,
  );
  const out = join(import.meta.dirname, "results");
  mkdirSync(out, { recursive: true });
  const variant = [stats.method === "copy" ? "" : stats.method, values["keep-indexes"] ? "keep-indexes" : "", values["with-triggers"] ? "triggers" : ""].filter(Boolean);
  writeFileSync(join(out, `pg-load-corpus-${articles}${variant.map((v) => `-${v}`).join("")}.json`), `${JSON.stringify({ articles, sqliteFile, ...stats, node: process.version }, null, 2)}\n`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
