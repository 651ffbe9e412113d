// npm run ingest -- <file|dir|-> [--json] [--published-on YYYY-MM-DD] [--publisher <slug>] [--dry-run]
// Proposes a record for each new article and stores it for review (Ingestion + Proposal rows,
// status PROPOSED; nothing becomes a fact until accepted). The same text twice is stored once.
// Duplicates of stored articles, or of an earlier text in the same batch, are refused naming the
// article they repeat. --dry-run prints the proposals and writes nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { databaseFile } from "../db/databaseUrl.js";
import { openDatabase } from "../db/openDatabase.js";
import { Sql } from "../db/Sql.js";
import { cleanArticle } from "../ingest/cleanArticle.js";
import { DuplicateIndex } from "../ingest/findDuplicate.js";
import { ingestReport, summariseReport } from "../ingest/ingestReport.js";
import type { IngestReport } from "../ingest/ingestReport.js";
import { ingestBatch } from "../ingest/store/ingestBatch.js";
import { cliActor } from "../audit/recordAudit.js";
import { createPrisma } from "../db/createPrisma.js";
import { loadGazetteer, loadKnownMeetings, loadStoredArticles } from "../ingest/loadGazetteer.js";
import { progressLine } from "./progressLine.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const dryRun = args.includes("--dry-run");
const dateAt = args.indexOf("--published-on");
const publishedOn = dateAt >= 0 ? (args[dateAt + 1] ?? null) : null;
const publisherAt = args.indexOf("--publisher");
const publisher = publisherAt >= 0 ? (args[publisherAt + 1] ?? null) : null;
const target = args.find((a, i) => !a.startsWith("--") && (dateAt < 0 || i !== dateAt + 1) && (publisherAt < 0 || i !== publisherAt + 1));
if (!target || (publishedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(publishedOn))) {
  console.error("usage: npm run ingest -- <file|dir|-> [--json] [--published-on YYYY-MM-DD] [--publisher <slug>] [--dry-run]");
  process.exit(2);
}

const inputs: { source: string; text: string }[] =
  target === "-"
    ? [{ source: "stdin", text: readFileSync(0, "utf8") }]
    : statSync(target).isDirectory()
      ? readdirSync(target).filter((f) => f.endsWith(".txt")).sort().map((f) => ({ source: f, text: readFileSync(join(target, f), "utf8") }))
      : [{ source: target, text: readFileSync(target, "utf8") }];

const progress = progressLine();
const started = performance.now();
const db = openDatabase(databaseFile(), { readonly: true });
let reports: IngestReport[];
let written = "nothing written";
if (dryRun) {
  const reader = new Sql(db);
  const gazetteer = await loadGazetteer(reader);
  const stored = new DuplicateIndex(await loadStoredArticles(reader));
  const knownMeetings = await loadKnownMeetings(reader);
  reports = inputs.map((input, i) => {
    const report = ingestReport(input.source, input.text, gazetteer, stored, publishedOn, knownMeetings);
    // Later texts in the batch are checked against earlier ones too.
    if (report.status === "PROPOSED") {
      const { headline, body } = cleanArticle(input.text);
      stored.add({ slug: `batch:${input.source}`, headline, body });
    }
    progress("ingest", i + 1, inputs.length);
    return report;
  });
} else {
  const prisma = createPrisma(databaseFile());
  const results = await ingestBatch(prisma, new Sql(db), inputs.map((x) => ({ ...x, publisher, url: null, publishedOn })), cliActor(), (n) => progress("ingest", n, inputs.length));
  await prisma.$disconnect();
  reports = results.map((r) => r.report);
  const stored = results.filter((r) => r.stored.status === "STORED");
  const again = results.filter((r) => r.stored.status === "ALREADY_INGESTED").length;
  written = `stored ${stored.length} ingestions with ${stored.reduce((n, r) => n + (r.stored.status === "STORED" ? r.stored.proposals : 0), 0)} proposals for review; ${again} already ingested (unchanged)`;
}
db.close();
const seconds = (performance.now() - started) / 1000;
if (json) console.log(JSON.stringify(reports, null, 2));
else for (const r of reports) console.log(summariseReport(r));
console.error(`${reports.length} articles in ${seconds.toFixed(2)} s (${(reports.length / Math.max(seconds, 1e-9)).toFixed(1)} articles/s); ${written}.`);
