import { randomUUID } from "node:crypto";
import { getNamedType, isObjectType } from "graphql";
import type { FieldNode, FragmentDefinitionNode, GraphQLField, GraphQLObjectType, GraphQLSchema } from "graphql";
import { collectSelection, selectionSetsOf } from "./collectSelection.js";
import type { JsonDialect } from "./jsonDialect.js";
import { NotCompilable } from "./NotCompilable.js";
import { FIELD_SQL } from "./fieldSql.js";
import type { FieldSql } from "./fieldSql.js";

/** What compiling one operation shares: the schema, the document's fragments, alias numbering. */
export interface CompileScope {
  schema: GraphQLSchema;
  json: JsonDialect;
  fragments: Record<string, FragmentDefinitionNode>;
  aliases: number;
}

/** A connection field left out of the object's SQL, to be paged once the object's row id is known. */
export interface DeferredPage {
  key: string;
  /** The JSON string the object's SQL writes in the connection's place (random: no stored text equals it). */
  marker: string;
  field: GraphQLField<unknown, unknown>;
  nodes: readonly FieldNode[];
  sql: Extract<FieldSql, { kind: "page" }>;
}

// Two arguments per key, and PostgreSQL's json_build_object takes at most 100 (FUNC_MAX_ARGS;
// SQLite's json_object 127 in some builds): a bigger selection is left to the resolvers.
const MAX_KEYS = 50;

/** A fresh SQL alias for one more row source of the statement. */
export function nextAlias(scope: CompileScope): string {
  scope.aliases += 1;
  return `t${scope.aliases}`;
}

/** The fields a selection asks of `type`, by response key, as graphql-js collects them. */
export function subfields(scope: CompileScope, type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  return collectSelection(scope.schema, scope.fragments, type, selectionSetsOf(nodes));
}

/**
 * The SQL expression that builds the JSON object `nodes` select from `type`, over the row `alias`.
 * Objects the row points at are joined into the same FROM (`joins` collects the LEFT JOINs) where
 * the dialect joins them, correlated subqueries otherwise; lists are correlated subqueries. With `deferred`, connection fields become marker strings (their key
 * keeps its place in the answer) and are listed there; without it, a connection is not compilable.
 */
export function objectJsonSql(
  scope: CompileScope,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  alias: string,
  joins: string[],
  deferred?: DeferredPage[],
): string {
  const fields = subfields(scope, type, nodes);
  if (fields.size > MAX_KEYS) throw new NotCompilable(`more than ${MAX_KEYS} fields on ${type.name}`);
  const parts: string[] = [];
  for (const [key, fieldNodes] of fields) {
    parts.push(`'${key}'`, fieldJsonSql(scope, type, key, fieldNodes, alias, joins, deferred));
  }
  return scope.json.object(parts);
}

function fieldJsonSql(
  scope: CompileScope,
  type: GraphQLObjectType,
  key: string,
  nodes: readonly FieldNode[],
  alias: string,
  joins: string[],
  deferred: DeferredPage[] | undefined,
): string {
  const name = nodes[0]!.name.value;
  if (name === "__typename") return `'${type.name}'`;
  const field = type.getFields()[name];
  const sql = FIELD_SQL[type.name]?.[name];
  if (!field || !sql) throw new NotCompilable(`${type.name}.${name}`);
  if (sql.kind === "page") {
    if (!deferred) throw new NotCompilable(`${type.name}.${name} below a list`);
    const marker = `taawun-page-${randomUUID()}`;
    deferred.push({ key, marker: `"${marker}"`, field: field as GraphQLField<unknown, unknown>, nodes, sql });
    return `'${marker}'`;
  }
  if (nodes.some((node) => node.arguments?.length)) throw new NotCompilable(`${type.name}.${name} with arguments`);
  if (sql.kind === "value") return sql.sql(alias, scope.json);
  const child = getNamedType(field.type);
  if (!isObjectType(child)) throw new NotCompilable(`${type.name}.${name} is not an object`);
  if (sql.kind === "embedded") return objectJsonSql(scope, child, nodes, alias, joins);
  const c = nextAlias(scope);
  if (sql.kind === "one" && scope.json.joinsObjects) {
    joins.push(`LEFT JOIN "${sql.table}" ${c} ON ${c}."id" = ${alias}."${sql.key}"`);
    return `CASE WHEN ${c}."id" IS NULL THEN NULL ELSE ${objectJsonSql(scope, child, nodes, c, joins)} END`;
  }
  if (sql.kind === "one") {
    const own: string[] = [];
    const object = objectJsonSql(scope, child, nodes, c, own);
    return `(SELECT ${object} FROM "${sql.table}" ${c} ${own.join(" ")} WHERE ${c}."id" = ${alias}."${sql.key}")`;
  }
  const inner: string[] = [];
  const object = objectJsonSql(scope, child, nodes, c, inner);
  return scope.json.list(object, sql.order(c), `${sql.from(alias, c)} ${inner.join(" ")}`, sql.where(alias, c));
}
