import type { AliasResolvers, Language } from "../../../generated/graphql.js";

export const Alias: AliasResolvers = {
  language: (alias) => alias.lang.toUpperCase() as Language,
};
