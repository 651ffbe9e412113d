import type { ApolloServerPlugin } from "@apollo/server";

/**
 * Drops the cache once a mutation this process ran has finished, whatever its outcome. The
 * database's own signal covers every writer, but PostgreSQL's arrives a few milliseconds after the
 * commit; dropping here as well means the client that wrote never reads the old answer from this
 * process afterwards. On SQLite it is redundant (data_version is checked before every hit) and
 * costs nothing. With a read replica, `wrote` also keeps the cache off until the replica has
 * replayed the write (OpenResponseCache.wrote).
 */
export function clearAfterMutation<TContext extends object>(wrote: () => void): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === "mutation") wrote();
        },
      };
    },
    // A request that failed inside Apollo may have been a mutation that committed: rare, so drop.
    async unexpectedErrorProcessingRequest() {
      wrote();
    },
  };
}
