/** The review queue's row types, as resolver parents (Prisma's model types; see src/db/rows.ts). */
export type { Ingestion as IngestionRow, Proposal as ProposalRow } from "../../generated/prisma/client.js";

/** What `ingestArticle` returns before its fields are resolved. */
export interface IngestResultRow {
  status: "STORED" | "ALREADY_INGESTED" | "DUPLICATE";
  ingestionId: number | null;
  duplicateOf: string | null;
}
