import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context/Context.js";

/**
 * With a read replica, a mutation's reads go to the primary: the operation's type is known only
 * once Apollo has parsed the document, after the context (and its reader) was built, and before
 * any resolver runs.
 */
export const primaryForMutations: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        if (operation?.operation === "mutation") contextValue.usePrimary?.();
      },
    };
  },
};
