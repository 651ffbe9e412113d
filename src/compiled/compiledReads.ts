import { HeaderMap } from "@apollo/server";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, getVariableValues } from "graphql";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { Context } from "../context/Context.js";
import type { Logger } from "../server/logger.js";
import { compiledData } from "./compiledAnswer.js";
import { UseResolvers, compileOperation } from "./compileOperation.js";
import type { CompiledOperation } from "./compileOperation.js";

/**
 * Answers query operations from SQL that builds the answer's JSON (docs/performance.md, "Sixth
 * pass"): the resolvers cost ≈ 4× the statements they run, in loaders, promises and graphql-js's
 * walk of every field. Only SQLite; only the fields src/compiled/fieldSql.ts lists; an operation
 * with anything else, and every request that would answer with an error, goes to the resolvers,
 * which remain the definition of every answer (test/compiled holds both to the same output).
 */
export function compiledReads(logger: Logger): ApolloServerPlugin<Context> {
  let schema: GraphQLSchema;
  // Apollo hands every request with the same query text the same parsed document (its document
  // cache), so each operation is compiled once.
  const compiled = new WeakMap<DocumentNode, Map<OperationDefinitionNode, CompiledOperation | null>>();
  const planFor = (document: DocumentNode, operation: OperationDefinitionNode): CompiledOperation | null => {
    let plans = compiled.get(document);
    if (!plans) compiled.set(document, (plans = new Map()));
    let plan = plans.get(operation);
    if (plan === undefined) plans.set(operation, (plan = compileOperation(schema, document, operation)));
    return plan;
  };
  const warned = new Set<string>();
  return {
    async serverWillStart(service) {
      schema = service.schema;
    },
    async requestDidStart() {
      return {
        async responseForOperation({ document, operation, request, contextValue }) {
          if (operation.operation !== "query" || contextValue.sql.dialect !== "sqlite") return null;
          const plan = planFor(document, operation);
          if (!plan) return null;
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 1 });
          if (coerced.errors) return null;
          let text: string;
          try {
            text = await plan.run(contextValue, coerced.coerced);
          } catch (error) {
            if (!(error instanceof UseResolvers) && !(error instanceof GraphQLError)) {
              // A statement that fails here is a bug in the compiler, not in the request: the
              // resolvers still answer, and the log says which operation to look at.
              const message = error instanceof Error ? error.message : String(error);
              if (!warned.has(message)) {
                warned.add(message);
                logger.warn("compiled read failed; the resolvers answered", { operation: operation.name?.value ?? null, error: message });
              }
            }
            return null;
          }
          contextValue.answered.compiled = true;
          // Over HTTP the text is written out as it is; executeOperation's callers get objects.
          const data = request.http ? compiledData(text) : (JSON.parse(text) as Record<string, unknown>);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { data } } };
        },
      };
    },
  };
}
