import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";

/**
 * Merges request-level errors (parse and validation: no `path`) that say the same thing into one
 * error listing every location. A document that repeats one mistake, like graphql-cop's ten
 * unknown `@aa` directives, then gets one error instead of one per repetition, so the response
 * does not grow with the junk sent. Execution errors keep their own entries: their paths differ.
 */
export function collapseRepeatedErrors(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors;
          if (!errors || errors.length < 2) return;
          const merged: GraphQLFormattedError[] = [];
          const byKey = new Map<string, GraphQLFormattedError>();
          for (const error of errors) {
            const key = error.path ? null : JSON.stringify([error.message, error.extensions ?? null]);
            const first = key === null ? undefined : byKey.get(key);
            if (!first) {
              const copy = { ...error };
              if (key !== null) byKey.set(key, copy);
              merged.push(copy);
            } else if (error.locations) {
              (first as { locations?: GraphQLFormattedError["locations"] }).locations = [...(first.locations ?? []), ...error.locations];
            }
          }
          response.body.singleResult.errors = merged;
        },
      };
    },
  };
}
