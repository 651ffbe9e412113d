import type { IngestResultResolvers } from "../../../generated/graphql.js";
import type { IngestionRow } from "../../../ingest/store/reviewRows.js";

export const IngestResult: IngestResultResolvers = {
  // Read back through the read path's connection (WAL: it sees the commit).
  ingestion: async (r, _args, { sql }) => (r.ingestionId === null ? null : ((await sql.get<IngestionRow>(`SELECT * FROM "Ingestion" WHERE id = ?`, [r.ingestionId])) ?? null)),
};
