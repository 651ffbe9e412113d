import type { ProposalKind, ProposalResolvers, ProposalStatus, TextField } from "../../../generated/graphql.js";
import type { IngestionRow } from "../../../ingest/store/reviewRows.js";

export const Proposal: ProposalResolvers = {
  kind: (p) => p.kind as ProposalKind,
  status: (p) => p.status as ProposalStatus,
  field: (p) => p.field as TextField,
  // One row per proposal on a review page of at most 100: a primary-key lookup, prepared once.
  ingestion: async (p, _args, { sql }) => (await sql.get<IngestionRow>(`SELECT * FROM "Ingestion" WHERE id = ?`, [p.ingestionId]))!,
};
