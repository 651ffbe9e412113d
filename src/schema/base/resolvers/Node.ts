import type { NodeResolvers } from "../../../generated/graphql.js";

/** Nodes are loaded as plain rows tagged with their type by the `node` field. */
export const Node: NodeResolvers = {
  __resolveType: (parent) => (parent as unknown as { __typename: "Actor" | "Article" | "Meeting" | "Topic" | "Place" }).__typename,
};
