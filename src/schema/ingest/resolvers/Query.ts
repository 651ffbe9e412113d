import type { QueryResolvers } from "../../../generated/graphql.js";
import { requireRole } from "../../../auth/requireRole.js";
import { listPage } from "../../../db/listPage.js";
import type { IngestionRow, ProposalRow } from "../../../ingest/store/reviewRows.js";
import { proposalListSql } from "./proposalListSql.js";

export const Query: Pick<QueryResolvers, "proposals" | "ingestion"> = {
  // The review queue holds unreviewed claims and text not yet in the record: editors only.
  proposals: (_parent, { status, first, after }, { caller, sql }) => {
    requireRole(caller, "editor");
    return listPage<ProposalRow>(sql, proposalListSql(status ?? null), "ASC", { first, after });
  },
  ingestion: async (_parent, { id }, { caller, sql }) => {
    requireRole(caller, "editor");
    return (await sql.get<IngestionRow>(`SELECT * FROM "Ingestion" WHERE id = ?`, [id])) ?? null;
  },
};
