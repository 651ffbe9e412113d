import { cleanArticle } from "./cleanArticle.js";
import { extractArticle } from "./extractArticle.js";
import type { Extraction } from "./extractArticle.js";
import { findDuplicate } from "./findDuplicate.js";
import type { Duplicate, DuplicateIndex, StoredArticleText } from "./findDuplicate.js";
import { matchKnownMeeting } from "./matchKnownMeeting.js";
import type { KnownMeeting, SameMeetingCandidate } from "./matchKnownMeeting.js";
import type { Gazetteer } from "./types.js";

/** What ingesting one text proposes: refused as a duplicate (naming the stored article), or a proposed record. */
export type IngestReport =
  | { source: string; status: "DUPLICATE"; duplicate: Duplicate; removedLines: Extraction["cleaned"]["removedLines"] }
  | { source: string; status: "PROPOSED"; extraction: Extraction; sameMeeting: (SameMeetingCandidate | null)[] };

/**
 * Runs the pipeline on one text against the record: a duplicate of a stored article (or of a text
 * earlier in the same batch, passed in `stored`) is refused before any extraction.
 */
export function ingestReport(
  source: string,
  original: string,
  gazetteer: Gazetteer,
  stored: readonly StoredArticleText[] | DuplicateIndex,
  publishedOn: string | null = null,
  knownMeetings: readonly KnownMeeting[] = [],
): IngestReport {
  const cleaned = cleanArticle(original);
  const duplicate = findDuplicate(cleaned, stored);
  if (duplicate) return { source, status: "DUPLICATE", duplicate, removedLines: cleaned.removedLines };
  const extraction = extractArticle(original, gazetteer, publishedOn);
  // Per proposed meeting: the recorded meeting it repeats (propose a further source), or null (a new meeting).
  return { source, status: "PROPOSED", extraction, sameMeeting: extraction.meetings.map((m) => matchKnownMeeting(m, knownMeetings)) };
}

/** A few readable lines per report, for the terminal. */
export function summariseReport(r: IngestReport): string {
  if (r.status === "DUPLICATE") return `${r.source}: refused, ${r.duplicate.kind === "EXACT" ? "an exact copy" : `a near copy (similarity ${r.duplicate.similarity.toFixed(2)})`} of article ${r.duplicate.slug}`;
  const x = r.extraction;
  const lines = [`${r.source}: ${x.mentions.length} mentions (${x.mentions.filter((m) => m.known).length} known), ${x.newActors.length} new actors, ${x.meetings.length} meetings, ${x.topics.length} topics`];
  for (const l of x.cleaned.removedLines) lines.push(`  removed (${l.reason}): ${l.line}`);
  for (const a of x.newActors) lines.push(`  new ${a.kind.toLowerCase()}: ${a.nameAr}${a.position ? ` — ${a.position}` : ""}  «${a.evidence.quote}» (${a.confidence.toFixed(2)})`);
  x.meetings.forEach((m, i) => {
    const who = m.participants.map((p) => `${p.role.toLowerCase()} ${p.actor}`).join(", ");
    const when = m.date ? `${m.date.precision} ${m.date.earliest ?? "?"}..${m.date.latest ?? "?"}` : "undated";
    lines.push(`  meeting (${m.kind.toLowerCase()}, ${when}${m.place ? `, ${m.place}` : ""}): ${who}  «${m.evidence.quote.slice(0, 120)}» (${m.confidence.toFixed(2)})`);
    const same = r.sameMeeting[i];
    if (same) lines.push(`    same meeting as ${same.meeting}? add this article as a source (${same.confidence.toFixed(2)}): ${same.reasons.join("; ")}`);
  });
  for (const t of x.topics) lines.push(`  topic ${t.topic} ← "${t.keyword}" (${t.confidence.toFixed(2)})`);
  return lines.join("\n");
}
