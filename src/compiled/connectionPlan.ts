import { getNamedType, isObjectType } from "graphql";
import type { FieldNode, GraphQLObjectType } from "graphql";
import { encodeCursor, pageInfoOf } from "../db/pagination.js";
import type { Order, PageInfoRow, PageWindow } from "../db/pagination.js";
import type { JsonDialect } from "./jsonDialect.js";
import { NotCompilable } from "./NotCompilable.js";
import { objectJsonSql, subfields } from "./objectJsonSql.js";
import type { CompileScope } from "./objectJsonSql.js";

/** A page's row: its keyset position and one JSON text per node selection (`j0`, `j1`, …). */
type PageRow = { _k: string | number; _id: number } & Record<string, unknown>;

interface PageState {
  rows: PageRow[];
  cursors: string[];
  info: PageInfoRow;
  count: () => Promise<number>;
}

/** One field of the connection as JSON text. */
type Part = (page: PageState) => string | Promise<string>;

/**
 * A connection (`edges`, `nodes`, `pageInfo`, `totalCount`) compiled once: the node objects come
 * from SQL as JSON text, one column per distinct node selection, and the connection around them is
 * written here as text, exactly as toPage and the default resolvers build it. Keys are GraphQL
 * names and aliases, cursors base64url: neither needs escaping.
 */
export class ConnectionPlan {
  private readonly columns: string[] = [];
  private readonly joins: string[] = [];
  private readonly json: JsonDialect;
  private readonly parts: [string, Part][] = [];

  constructor(
    scope: CompileScope,
    private readonly type: GraphQLObjectType,
    nodes: readonly FieldNode[],
    private readonly table: string,
    private readonly alias: string,
  ) {
    this.json = scope.json;
    for (const [key, fieldNodes] of subfields(scope, type, nodes)) this.parts.push([key, this.part(scope, fieldNodes)]);
  }

  /** The statement that reads the page `paged` selects (rows with `_k`, `_id`) with its nodes' JSON. */
  statement(paged: string, order: Order, window: PageWindow): string {
    const dir = (order === "ASC") !== window.backward ? "ASC" : "DESC";
    const json = this.columns.map((column, i) => `, ${this.json.text(column)} AS j${i}`).join("");
    return `SELECT w._k AS _k, w._id AS _id${json} FROM (${paged}) w JOIN "${this.table}" ${this.alias} ON ${this.alias}."id" = w._id
      ${this.joins.join(" ")} ORDER BY w._k ${dir}, w._id ${dir}`;
  }

  /** The connection's answer, as JSON text, from the page's rows (at most `limit + 1`, in the window's direction). */
  async build(rows: PageRow[], window: PageWindow, count: () => Promise<number>): Promise<string> {
    const more = rows.length > window.limit;
    const kept = rows.slice(0, window.limit);
    if (window.backward) kept.reverse();
    const cursors = kept.map((row) => encodeCursor([row._k, row._id]));
    const page: PageState = { rows: kept, cursors, info: pageInfoOf(window, more, cursors), count };
    let answer = "";
    for (const [key, part] of this.parts) answer += `${answer ? "," : "{"}"${key}":${await part(page)}`;
    return answer ? `${answer}}` : "{}";
  }

  private part(scope: CompileScope, nodes: readonly FieldNode[]): Part {
    const name = nodes[0]!.name.value;
    if (name === "__typename") return () => `"${this.type.name}"`;
    if (name === "totalCount") return async (page) => String(await page.count());
    const field = this.type.getFields()[name];
    const child = field && getNamedType(field.type);
    if (!child || !isObjectType(child)) throw new NotCompilable(`${this.type.name}.${name}`);
    if (name === "nodes") {
      const column = this.nodeColumn(scope, child, nodes);
      return (page) => `[${page.rows.map((row) => row[column] as string).join(",")}]`;
    }
    const fields = [...subfields(scope, child, nodes)];
    if (name === "edges") {
      const parts = fields.map(([key, fieldNodes]): [string, (page: PageState, i: number) => string] => {
        const edgeField = fieldNodes[0]!.name.value;
        if (edgeField === "__typename") return [key, () => `"${child.name}"`];
        if (edgeField === "cursor") return [key, (page, i) => `"${page.cursors[i]}"`];
        if (edgeField !== "node") throw new NotCompilable(`${child.name}.${edgeField}`);
        const nodeType = getNamedType(child.getFields().node!.type) as GraphQLObjectType;
        const column = this.nodeColumn(scope, nodeType, fieldNodes);
        return [key, (page, i) => page.rows[i]![column] as string];
      });
      return (page) => `[${page.rows.map((_, i) => `{${parts.map(([key, value]) => `"${key}":${value(page, i)}`).join(",")}}`).join(",")}]`;
    }
    if (name === "pageInfo") {
      const parts = fields.map(([key, fieldNodes]): [string, (page: PageState) => string] => [key, pageInfoPart(child, fieldNodes[0]!.name.value)]);
      return (page) => `{${parts.map(([key, value]) => `"${key}":${value(page)}`).join(",")}}`;
    }
    throw new NotCompilable(`${this.type.name}.${name}`);
  }

  private nodeColumn(scope: CompileScope, type: GraphQLObjectType, nodes: readonly FieldNode[]): string {
    this.columns.push(objectJsonSql(scope, type, nodes, this.alias, this.joins));
    return `j${this.columns.length - 1}`;
  }
}

/** One PageInfo field (as toPage sets it, pageInfoOf), as JSON text. */
function pageInfoPart(type: GraphQLObjectType, field: string): (page: PageState) => string {
  if (field === "__typename") return () => `"${type.name}"`;
  if (field !== "hasNextPage" && field !== "hasPreviousPage" && field !== "startCursor" && field !== "endCursor") throw new NotCompilable(`PageInfo.${field}`);
  return (page) => {
    const value = page.info[field];
    return typeof value === "string" ? `"${value}"` : String(value);
  };
}
