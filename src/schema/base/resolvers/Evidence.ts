import type { EvidenceResolvers } from "../../../generated/graphql.js";
import type { TextField } from "../../../generated/graphql.js";

export const Evidence: EvidenceResolvers = {
  article: async (evidence, _args, { loaders }) => (await loaders.article.load(evidence.articleId))!,
  field: (evidence) => evidence.field as TextField,
};
