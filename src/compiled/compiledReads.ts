import { HeaderMap } from "@apollo/server";
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, getVariableValues } from "graphql";
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { Context } from "../context/Context.js";
import type { Dialect } from "../db/Sql.js";
import type { Logger } from "../server/logger.js";
import { compiledData } from "./compiledAnswer.js";
import { UseResolvers, compileOperation } from "./compileOperation.js";
import type { CompiledOperation } from "./compileOperation.js";

/**
 * Answers query operations from SQL that builds the answer's JSON (docs/performance.md, "Sixth
 * pass"): the resolvers cost ≈ 4× the statements they run, in loaders, promises and graphql-js's
 * walk of every field. Only the fields src/compiled/fieldSql.ts lists; an operation with anything
 * else, and every request that would answer with an error, goes to the resolvers, which remain the
 * definition of every answer (test/compiled holds both to the same output, on SQLite and PostgreSQL).
 */
export function compiledReads(logger: Logger): ApolloServerPlugin<Context> {
  let schema: GraphQLSchema;
  // Apollo hands every request with the same query text the same parsed document (its document
  // cache), so each operation is compiled once (per reader dialect: a server has one).
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledOperation | null>>();
  const planFor = (document: DocumentNode, operation: OperationDefinitionNode, dialect: Dialect): CompiledOperation | null => {
    let plans = compiled.get(document);
    if (!plans) compiled.set(document, (plans = new Map()));
    const key = `${dialect} ${document.definitions.indexOf(operation)}`;
    let plan = plans.get(key);
    if (plan === undefined) plans.set(key, (plan = compileOperation(schema, document, operation, dialect)));
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
          if (operation.operation !== "query") return null;
          const dialect = contextValue.sql.dialect;
          const plan = planFor(document, operation, dialect);
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
          // Over HTTP SQLite's text is written out as it is (it is JSON.stringify's); PostgreSQL's
          // has spaces after colons and commas, and executeOperation's callers want objects.
          const data = request.http && dialect === "sqlite" ? compiledData(text) : (JSON.parse(text) as Record<string, unknown>);
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { data } } };
        },
      };
    },
  };
}
