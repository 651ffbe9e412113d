import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { stringifyResult } from "../compiled/compiledAnswer.js";
import { compiledReads } from "../compiled/compiledReads.js";
import type { Context } from "../context/Context.js";
import { queryLimits } from "../hardening/queryLimits.js";
import { refuseNulCharacters } from "../hardening/refuseNulCharacters.js";
import { resolvers } from "../schema/resolvers.js";
import { loadTypeDefs } from "../schema/typeDefs.js";
import { createFormatError } from "./formatError.js";
import type { Logger } from "./logger.js";

/** Server switches, all with safe defaults for a public read-only endpoint. */
export interface ApolloOptions {
  logger: Logger;
  introspection?: boolean;
  /** Answer the reads src/compiled supports from SQL-built JSON (default); false runs every resolver. */
  compiledReads?: boolean;
}

/**
 * The GraphQL server. Apollo's landing page is disabled: it loads its code from a CDN at run time,
 * which is a blank page on an air-gapped network; the API serves its own IDE instead.
 */
export function createApolloServer(options: ApolloOptions): ApolloServer<Context> {
  const { logger } = options;
  // Depth, alias, directive, cost and token limits, hidden suggestions (docs/hardening.md).
  const limits = queryLimits();
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Apollo's default, stated so it stays off: a JSON array of operations is refused (400).
    allowBatchedHttpRequests: false,
    // main.ts owns SIGINT/SIGTERM: it drains the HTTP server before Apollo stops, and Apollo's own
    // handler re-raises the signal after stopping, which in a cluster worker left it hanging.
    stopOnTerminationSignals: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    validationOptions: limits.validationOptions,
    formatError: createFormatError(logger),
    // Writes compiled reads' JSON text out as it is (src/compiled/compiledAnswer.ts).
    stringifyResult,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // The schema has no cache hints, so Apollo's cache-control plugin only ever answered
      // `no-store`, after a hook on every resolved field; the header is set below instead.
      // Shared caches must not keep answers: the response cache is ours (docs/response-cache.md).
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      refuseNulCharacters(),
      ...(options.compiledReads === false ? [] : [compiledReads(logger)]),
      {
        async requestDidStart({ request }) {
          const started = performance.now();
          return {
            async willSendResponse({ contextValue, response, errors }) {
              if (!response.http.headers.has("cache-control")) response.http.headers.set("cache-control", "no-store");
              logger.info("graphql", {
                operation: request.operationName ?? null,
                status: response.http.status ?? 200,
                ms: Math.round((performance.now() - started) * 10) / 10,
                sqlStatements: contextValue.sql?.count ?? 0,
                compiled: contextValue.answered?.compiled ?? false,
                errors: errors?.length ?? 0,
              });
            },
          };
        },
      },
    ],
  });
}
