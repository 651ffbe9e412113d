import type { SearchHitResolvers } from "../../../generated/graphql.js";

/** Hits are loaded as rows tagged with their type (src/search/loadSearchHit.ts). */
export const SearchHit: SearchHitResolvers = {
  __resolveType: (hit) => hit.__typename,
};
