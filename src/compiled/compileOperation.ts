import { Kind, getArgumentValues, getNamedType, isObjectType } from "graphql";
import type { DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLObjectType, GraphQLSchema, OperationDefinitionNode } from "graphql";
import type { Context } from "../context/Context.js";
import type { Dialect } from "../db/Sql.js";
import { jsonDialect } from "./jsonDialect.js";
import { tryFromGlobalId } from "../ids/globalId.js";
import { pageWindow } from "../db/pagination.js";
import { listCount, listPageSql } from "../db/listPage.js";
import { collectSelection } from "./collectSelection.js";
import { ConnectionPlan } from "./connectionPlan.js";
import { pageArgsOf } from "./fieldSql.js";
import { NotCompilable } from "./NotCompilable.js";
import { nextAlias, objectJsonSql } from "./objectJsonSql.js";
import type { CompileScope, DeferredPage } from "./objectJsonSql.js";
import { ROOT_LISTS, ROOT_LOOKUPS } from "./rootFields.js";

/** Thrown while answering when the resolvers must answer instead (an error to report, a redirect). */
export class UseResolvers extends Error {}

type Args = Record<string, unknown>;
/** One root field's value as JSON text. */
type Step = (context: Context, variables: Args) => Promise<string>;

/**
 * A query operation compiled to SQL: answers with the JSON text of the data graphql-js would give,
 * or throws UseResolvers. Text, not objects: the HTTP answer is written from it without a parse and
 * a stringify of the whole answer (compiledAnswer.ts).
 */
export interface CompiledOperation {
  run(context: Context, variables: Args): Promise<string>;
}

/** Compiles `operation` for a reader of `dialect`, or returns null when any part of it is left to the resolvers. */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  dialect: Dialect = "sqlite",
): CompiledOperation | null {
  const queryType = schema.getQueryType();
  if (operation.operation !== "query" || !queryType) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  const scope: CompileScope = { schema, json: jsonDialect(dialect), fragments, aliases: 0 };
  try {
    const steps: [string, Step][] = [];
    for (const [key, nodes] of collectSelection(schema, fragments, queryType, [operation.selectionSet])) {
      steps.push([key, rootStep(scope, queryType, nodes)]);
    }
    return {
      async run(context, variables) {
        let data = "";
        for (const [key, step] of steps) data += `${data ? "," : "{"}"${key}":${await step(context, variables)}`;
        return data ? `${data}}` : "{}";
      },
    };
  } catch (error) {
    if (error instanceof NotCompilable) return null;
    throw error;
  }
}

function rootStep(scope: CompileScope, queryType: GraphQLObjectType, nodes: readonly FieldNode[]): Step {
  const node = nodes[0]!;
  const name = node.name.value;
  if (name === "__typename") return async () => `"${queryType.name}"`;
  const field = queryType.getFields()[name] as GraphQLField<unknown, unknown> | undefined;
  const type = field && getNamedType(field.type);
  if (!field || !type || !isObjectType(type)) throw new NotCompilable(`Query.${name}`);
  const lookup = ROOT_LOOKUPS[name];
  if (lookup) return lookupStep(scope, type, field, nodes, lookup.table);
  const list = ROOT_LISTS[name];
  if (list) {
    const alias = nextAlias(scope);
    const plan = new ConnectionPlan(scope, type, nodes, list.table, alias);
    return async (context, variables) => {
      const args = getArgumentValues(field, node, variables);
      const query = await list.query(context, args);
      const window = pageWindow(pageArgsOf(args));
      const order = list.order(args);
      const paged = listPageSql(query, order, window, true);
      const rows = paged ? await context.sql.all<never>(plan.statement(paged.sql, order, window), paged.params) : [];
      return plan.build(rows, window, () => listCount(context.sql, query));
    };
  }
  throw new NotCompilable(`Query.${name}`);
}

/**
 * `thing(id:, slug:)`: the object and everything below it in one statement; connections directly on
 * it in one more each. Anything unusual (both or neither argument, a malformed id, no such row,
 * which may be a merged actor's old slug) is answered by the resolvers.
 */
function lookupStep(scope: CompileScope, type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[], table: string): Step {
  const alias = nextAlias(scope);
  const deferred: DeferredPage[] = [];
  const joins: string[] = [];
  const json = objectJsonSql(scope, type, nodes, alias, joins, deferred);
  const from = `"${table}" ${alias} ${joins.join(" ")}`;
  const answerSql = scope.json.text(json);
  const bySlug = `SELECT ${alias}."id" AS id, ${answerSql} AS j FROM ${from} WHERE ${alias}."slug" = ?`;
  const byId = `SELECT ${alias}."id" AS id, ${answerSql} AS j FROM ${from} WHERE ${alias}."id" = ?`;
  const pages = deferred.map((page) => {
    const child = getNamedType(page.field.type) as GraphQLObjectType;
    return { ...page, plan: new ConnectionPlan(scope, child, page.nodes, page.sql.table, nextAlias(scope)) };
  });
  return async (context, variables) => {
    const args = getArgumentValues(field, nodes[0]!, variables);
    if ((args.id == null) === (args.slug == null)) throw new UseResolvers();
    let row: { id: number; j: string } | undefined;
    if (args.id != null) {
      const decoded = tryFromGlobalId(args.id as string);
      if (!decoded || decoded.type !== type.name) throw new UseResolvers();
      row = await context.sql.get(byId, [decoded.id]);
    } else {
      row = await context.sql.get(bySlug, [args.slug]);
    }
    if (!row) throw new UseResolvers();
    let answer = row.j;
    for (const page of pages) {
      const pageArgs = getArgumentValues(page.field, page.nodes[0]!, variables);
      const children = page.sql.children(context.loaders, pageArgs);
      const paged = children.pageSql(row.id, pageArgsOf(pageArgs));
      const rows = await context.sql.all<never>(page.plan.statement(paged.sql, paged.order, paged.window), paged.params);
      const text = await page.plan.build(rows, paged.window, () => children.count(row.id));
      answer = answer.replace(page.marker, () => text);
    }
    return answer;
  };
}
