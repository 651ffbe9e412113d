import type { QueryResolvers } from "../../../generated/graphql.js";
import { searchPage } from "../../../search/searchPage.js";

export const Query: Pick<QueryResolvers, "search"> = {
  search: (_parent, args, { sql }) => searchPage(sql, args),
};
