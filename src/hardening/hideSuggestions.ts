import type { ApolloServerPlugin } from "@apollo/server";

// graphql-js appends hints such as `Did you mean "meetings"?`, `Did you mean the enum value "DAY"?`
// or `Did you mean to use an inline fragment on "Actor"?`. Names never contain "?".
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * Strips graphql-js's "Did you mean …?" hints from every error. With introspection off they would
 * let anyone map the schema by guessing field names; with it on they add nothing the IDE's
 * completion does not. (graphql-armor's own plugin matches only the `Did you mean "x"` form.)
 */
export function hideSuggestions(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, "");
        },
      };
    },
  };
}
