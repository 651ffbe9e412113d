import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadRecord, SEEDS_DIR } from "../../record/loadRecord.js";
import { planRecord } from "../../record/planRecord.js";
import { ingestReport } from "../ingestReport.js";
import type { KnownMeeting } from "../matchKnownMeeting.js";
import { score } from "./score.js";
import type { Score } from "./score.js";
import { seedGazetteer } from "./seedGazetteer.js";

export interface SameMeetingEval {
  reports: { file: string; expected: string[]; matched: string[] }[];
  score: Score;
}

/**
 * Same-meeting recognition on the synthetic reports in seeds/eval (written for this purpose):
 * each is ingested against the whole curated record, and the recorded meetings it is matched with
 * are compared with `expected.yaml`. A match with a meeting the report does not describe, or any
 * match for a report of a new meeting, counts against precision.
 */
export function evaluateSameMeeting(): SameMeetingEval {
  const raw = loadRecord();
  const plan = planRecord(raw);
  const gazetteer = seedGazetteer(plan, raw, null);
  const known: KnownMeeting[] = plan.meetings.map((m) => ({ slug: m.slug, place: m.place, date: m.date, participants: [...new Set(m.participants.map((p) => p.actor))] }));
  const expected = parse(readFileSync(join(SEEDS_DIR, "eval/expected.yaml"), "utf8")) as { file: string; publishedOn: string | null; meetings: string[] }[];
  const reports = expected.map((e) => {
    const report = ingestReport(e.file, readFileSync(join(SEEDS_DIR, "eval", e.file), "utf8"), gazetteer, [], e.publishedOn, known);
    const matched = report.status === "PROPOSED" ? [...new Set(report.sameMeeting.flatMap((c) => (c ? [c.meeting] : [])))] : [];
    return { file: e.file, expected: e.meetings, matched };
  });
  const predicted = reports.reduce((n, r) => n + r.matched.length, 0);
  const right = reports.reduce((n, r) => n + r.matched.filter((m) => r.expected.includes(m)).length, 0);
  const gold = reports.reduce((n, r) => n + r.expected.length, 0);
  return { reports, score: score(right, predicted, right, gold) };
}
