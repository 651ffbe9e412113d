import type { Tx } from "../../db/writeTransaction.js";
import { contentHash } from "../../record/storedText.js";
import type { IngestReport } from "../ingestReport.js";
import { proposalRows } from "./proposalRows.js";

/** What the caller said about the text: where it came from, who published it and when. */
export interface IngestInput {
  text: string;
  source: string;
  publisher: string | null;
  url: string | null;
  publishedOn: string | null;
}

export type StoreResult =
  | { status: "DUPLICATE"; article: string }
  | { status: "STORED" | "ALREADY_INGESTED"; ingestionId: number; proposals: number };

/** The key of an ingested text: the record's content hash of its cleaned headline and body. */
export function ingestionHash(report: Extract<IngestReport, { status: "PROPOSED" }>): string {
  const c = report.extraction.cleaned;
  return contentHash({ headline: c.headline, body: c.body, removedLines: [] });
}

/**
 * Writes an ingestion and its proposals (all PROPOSED) inside the caller's transaction. The same
 * cleaned text twice is a no-op the second time (the existing ingestion is returned), so
 * re-running `npm run ingest` on a folder changes nothing. A duplicate of a stored article is
 * refused before anything is written.
 */
export async function storeIngestion(tx: Tx, input: IngestInput, report: IngestReport, createdBy: string): Promise<StoreResult> {
  if (report.status === "DUPLICATE") return { status: "DUPLICATE", article: report.duplicate.slug };
  const hash = ingestionHash(report);
  const existing = await tx.ingestion.findUnique({ where: { contentHash: hash }, select: { id: true, _count: { select: { proposals: true } } } });
  if (existing) return { status: "ALREADY_INGESTED", ingestionId: existing.id, proposals: existing._count.proposals };
  const c = report.extraction.cleaned;
  const rows = proposalRows(report);
  const ingestion = await tx.ingestion.create({
    data: {
      contentHash: hash,
      source: input.source,
      publisher: input.publisher,
      url: input.url,
      publishedOn: input.publishedOn,
      headline: c.headline,
      body: c.body,
      removedLines: JSON.stringify(c.removedLines),
      status: rows.length > 0 ? "OPEN" : "REVIEWED",
      createdAt: new Date().toISOString(),
      createdBy,
    },
  });
  await tx.proposal.createMany({
    data: rows.map((r) => ({
      ingestionId: ingestion.id,
      kind: r.kind,
      status: "PROPOSED",
      payload: JSON.stringify(r.payload),
      field: r.evidence.field,
      start: r.evidence.start,
      end: r.evidence.end,
      quote: r.evidence.quote,
      confidence: r.confidence,
    })),
  });
  return { status: "STORED", ingestionId: ingestion.id, proposals: rows.length };
}
