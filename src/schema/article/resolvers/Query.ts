import type { QueryResolvers } from "../../../generated/graphql.js";
import type { ArticleRow } from "../../../db/rows.js";
import { articleListSql } from "../../../db/articleListSql.js";
import { listPage } from "../../../db/listPage.js";
import { lookupOne } from "../../../db/lookupOne.js";

export const Query: Pick<QueryResolvers, "article" | "articles"> = {
  article: (_parent, args, { sql, loaders }) => lookupOne(sql, loaders.article, "Article", args),
  articles: (_parent, { filter, ...page }, { sql }) => listPage<ArticleRow>(sql, articleListSql(sql, filter), "ASC", page),
};
