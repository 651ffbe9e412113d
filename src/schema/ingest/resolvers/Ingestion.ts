import type { IngestionResolvers } from "../../../generated/graphql.js";
import type { ProposalRow } from "../../../ingest/store/reviewRows.js";

export const Ingestion: IngestionResolvers = {
  article: async (i, _args, { loaders }) => (i.articleId === null ? null : ((await loaders.article.load(i.articleId)) ?? null)),
  proposals: (i, _args, { sql }) => sql.all<ProposalRow>(`SELECT * FROM "Proposal" WHERE ingestionId = ? ORDER BY id`, [i.id]),
};
