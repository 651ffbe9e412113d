import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { GraphQLError, getVariableValues } from "graphql";
import type { DocumentNode, GraphQLSchema, SourceLocation } from "graphql";
import type { ExecutionResult } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { CompiledQuery } from "graphql-jit";

/** An operation compiled, or the errors compiling it reported. */
type Compiled = CompiledQuery | ExecutionResult;

/**
 * Apollo's pipeline (parsing, validation with the query limits, plugins, error formatting, HTTP)
 * with graphql-jit as the executor: each operation is compiled once into a function that resolves
 * its fields without graphql-js's per-field interpretation (docs/performance.md: the executor's
 * share of a request's CPU). Apollo takes an executor only from a gateway, so this is a gateway
 * of one local schema.
 *
 * Variables are coerced by graphql-js first, so a bad variable fails exactly as it would without
 * the compiler (same messages, which Apollo turns into BAD_USER_INPUT with status 400), and
 * defaults apply as the spec says: graphql-jit 0.8 refuses a missing `$v: String! = "x"` instead
 * of using its default. The compiled operation gets the coerced values (coercing them again
 * changes nothing: the schema's scalars and enums map values to themselves).
 * Compiled operations are kept per parsed document, which Apollo caches per query text; a
 * document Apollo drops from its cache takes its compiled functions with it.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const executor: GatewayExecutor = async ({ document, operation, operationName, request, context }) => {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? "";
    let query = byName.get(key);
    if (!query) byName.set(key, (query = compileQuery(schema, document, operationName ?? undefined) as Compiled));
    if (!isCompiledQuery(query)) return query as ExecutionResult<Record<string, unknown>>;
    const result = (await query.query(undefined, context, coerced.coerced)) as ExecutionResult<Record<string, unknown>>;
    if (!result.errors) return result;
    // As graphql-js answers: errors before data, and each error a GraphQLError whose message
    // plugins may rewrite (graphql-jit's are read-only; see hideSuggestions.ts).
    const { errors, data, ...rest } = result;
    return { errors: errors.map(asGraphQLError), data, ...rest };
  };
  return {
    async load() {
      return { executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async stop() {},
  };
}

/** A graphql-jit error as graphql-js would have located the same cause: message, path, locations, extensions. */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  if (error.locations) (copy as { locations?: readonly SourceLocation[] }).locations = error.locations;
  return copy;
}
