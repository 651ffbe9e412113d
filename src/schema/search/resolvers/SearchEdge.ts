import type { SearchEdgeResolvers } from "../../../generated/graphql.js";
import { badUserInput } from "../../../errors/badUserInput.js";
import { buildSnippet } from "../../../search/buildSnippet.js";
import { loadSearchHit } from "../../../search/loadSearchHit.js";
import { snippetSources } from "../../../search/snippetSources.js";

const MIN_SNIPPET = 20;
const MAX_SNIPPET = 1000;

export const SearchEdge: SearchEdgeResolvers = {
  node: (edge, _args, { loaders }) => loadSearchHit(edge, loaders),
  snippet: async (edge, { maxLength }, { loaders }) => {
    if (!Number.isInteger(maxLength) || maxLength < MIN_SNIPPET || maxLength > MAX_SNIPPET) {
      throw badUserInput(`\`maxLength\` must be between ${MIN_SNIPPET} and ${MAX_SNIPPET}, got ${maxLength}.`, "maxLength");
    }
    const hit = await loadSearchHit(edge, loaders);
    return buildSnippet(await snippetSources(hit, loaders), edge.terms, maxLength);
  },
};
