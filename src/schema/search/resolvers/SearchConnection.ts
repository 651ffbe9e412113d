import type { SearchConnectionResolvers } from "../../../generated/graphql.js";
import { loadSearchHit } from "../../../search/loadSearchHit.js";

export const SearchConnection: SearchConnectionResolvers = {
  nodes: (page, _args, { loaders }) => Promise.all(page.edges.map((edge) => loadSearchHit(edge, loaders))),
};
