// npm run eval:extract [-- --json] [-- --throughput [N]]: leave-one-out extraction scores against the curated seed
// record, and same-meeting recognition on the synthetic reports in seeds/eval.
import { evaluateSameMeeting } from "../ingest/eval/evaluateSameMeeting.js";
import { evaluateSeeds, formatEval } from "../ingest/eval/evaluateSeeds.js";
import { measureThroughput } from "../ingest/eval/measureThroughput.js";
import { progressLine } from "./progressLine.js";

const at = process.argv.indexOf("--throughput");
if (at >= 0) {
  // Articles per second on a synthetic batch (default 1,000), with a progress line on stderr.
  const count = Number(process.argv[at + 1] ?? "1000") || 1000;
  const t = measureThroughput(count, progressLine());
  console.log(`${t.articles} synthetic articles in ${t.seconds.toFixed(2)} s: ${t.perSecond.toFixed(1)} articles/s (${t.proposed} proposed, ${t.duplicates} refused as duplicates)`);
  process.exit(0);
}

const seeds = evaluateSeeds();
const sameMeeting = evaluateSameMeeting();
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ seeds, sameMeeting }, null, 2));
} else {
  console.log(formatEval(seeds));
  const s = sameMeeting.score;
  console.log(`\nsame-meeting recognition (seeds/eval, ${sameMeeting.reports.length} synthetic reports): P/R/F1 ${s.precision.toFixed(2)}/${s.recall.toFixed(2)}/${s.f1.toFixed(2)} (${s.tp}/${s.gold})`);
  for (const r of sameMeeting.reports) console.log(`  ${r.file.padEnd(44)} expected [${r.expected.join(", ")}]  matched [${r.matched.join(", ")}]`);
}
