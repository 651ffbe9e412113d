import type { IngestReport } from "../ingestReport.js";
import type { Quote } from "../types.js";

/** The kinds of proposal an ingestion stores; see docs/ingest.md for which are reviewable. */
export type ProposalKind = "NEW_ACTOR" | "MENTION" | "MEETING" | "SAME_MEETING_SOURCE" | "TOPIC";

/** One Proposal row before it is written (status PROPOSED). */
export interface ProposalRow {
  kind: ProposalKind;
  payload: Record<string, unknown>;
  evidence: Quote;
  confidence: number;
}

/**
 * Flattens a report into reviewable proposals, one per new actor, mention, meeting (or further
 * source of a recorded meeting) and topic. A meeting carries the article's topic tags, so
 * accepting it records them with the meeting; the pipeline tags topics per article, not per meeting.
 */
export function proposalRows(report: Extract<IngestReport, { status: "PROPOSED" }>): ProposalRow[] {
  const x = report.extraction;
  const rows: ProposalRow[] = [];
  for (const a of x.newActors) rows.push({ kind: "NEW_ACTOR", payload: { ...a }, evidence: a.evidence, confidence: a.confidence });
  for (const m of x.mentions) rows.push({ kind: "MENTION", payload: { ...m }, evidence: m, confidence: m.confidence });
  x.meetings.forEach((m, i) => {
    const same = report.sameMeeting[i];
    if (same) rows.push({ kind: "SAME_MEETING_SOURCE", payload: { ...same, proposed: m }, evidence: m.evidence, confidence: same.confidence });
    else rows.push({ kind: "MEETING", payload: { ...m, topics: x.topics }, evidence: m.evidence, confidence: m.confidence });
  });
  for (const t of x.topics) rows.push({ kind: "TOPIC", payload: { ...t }, evidence: t.evidence, confidence: t.confidence });
  return rows;
}
