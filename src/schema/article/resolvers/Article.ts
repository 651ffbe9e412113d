import type { ArticleResolvers } from "../../../generated/graphql.js";
import { partialDateOf } from "../../../db/partialDate.js";
import { resolveRef } from "../../../db/resolveRef.js";
import { toGlobalId } from "../../../ids/globalId.js";

export const Article: ArticleResolvers = {
  id: (article) => toGlobalId("Article", article.id),
  body: async (article, _args, { loaders }) => {
    const text = await loaders.articleBody.load(article.id);
    if (!text) throw new Error(`article ${article.id} has no stored text`);
    return text.body;
  },
  publisher: (article, _args, { loaders }) => (article.publisherId == null ? null : loaders.actor.load(article.publisherId)),
  date: (article) => partialDateOf(article),
  removedLines: (article) => JSON.parse(article.removedLines) as string[],
  mentions: async (article, { actor }, { sql, loaders }) => {
    const mentions = await loaders.mentionsOfArticle.load(article.id);
    if (actor == null) return mentions;
    const actorId = await resolveRef(sql, "Actor", actor, "actor");
    return mentions.filter((mention) => mention.actorId === actorId);
  },
  meetings: (article, _args, { loaders }) => loaders.meetingsOfArticle.load(article.id),
  topics: (article, _args, { loaders }) => loaders.topicsOfArticle.load(article.id),
};
