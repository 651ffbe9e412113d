import { loadRecord } from "../../record/loadRecord.js";
import { planRecord } from "../../record/planRecord.js";
import { cleanArticle } from "../cleanArticle.js";
import { DuplicateIndex } from "../findDuplicate.js";
import { ingestReport } from "../ingestReport.js";
import type { KnownMeeting } from "../matchKnownMeeting.js";
import { seedGazetteer } from "./seedGazetteer.js";
import { syntheticBatch } from "./syntheticBatch.js";

export interface Throughput {
  articles: number;
  seconds: number;
  perSecond: number;
  proposed: number;
  duplicates: number;
}

/**
 * Ingests a synthetic batch against the whole seed record, as the CLI does (each text also checked
 * for duplicates against the stored articles and every earlier text of the batch).
 */
export function measureThroughput(count: number, progress?: (phase: string, done: number, total: number) => void): Throughput {
  const raw = loadRecord();
  const plan = planRecord(raw);
  const gazetteer = seedGazetteer(plan, raw, null);
  const known: KnownMeeting[] = plan.meetings.map((m) => ({ slug: m.slug, place: m.place, date: m.date, participants: [...new Set(m.participants.map((p) => p.actor))] }));
  const stored = new DuplicateIndex(plan.articles.map((a) => ({ slug: a.slug, headline: a.headline, body: a.body })));
  const texts = syntheticBatch(count);
  let proposed = 0;
  const started = performance.now();
  texts.forEach((text, i) => {
    const r = ingestReport(`synthetic-${i + 1}`, text, gazetteer, stored, "2024-03-14", known);
    if (r.status === "PROPOSED") {
      proposed++;
      const c = cleanArticle(text);
      stored.add({ slug: `synthetic-${i + 1}`, headline: c.headline, body: c.body });
    }
    progress?.("ingest", i + 1, texts.length);
  });
  const seconds = (performance.now() - started) / 1000;
  return { articles: count, seconds, perSecond: count / seconds, proposed, duplicates: count - proposed };
}
