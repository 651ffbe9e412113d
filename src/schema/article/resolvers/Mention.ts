import type { MentionResolvers, TextField } from "../../../generated/graphql.js";

export const Mention: MentionResolvers = {
  actor: async (mention, _args, { loaders }) => (await loaders.actor.load(mention.actorId))!,
  article: async (mention, _args, { loaders }) => (await loaders.article.load(mention.articleId))!,
  field: (mention) => mention.field as TextField,
};
