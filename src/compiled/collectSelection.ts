import { Kind, isAbstractType, typeFromAST } from "graphql";
import type { DirectiveNode, FieldNode, FragmentDefinitionNode, GraphQLObjectType, GraphQLSchema, SelectionSetNode } from "graphql";
import { NotCompilable } from "./NotCompilable.js";

/**
 * The fields `selectionSets` ask of an object of `type`, by response key in first-seen order, as
 * graphql-js's CollectFields does. Compiled once per operation, before variables are known, so a
 * `@skip`/`@include` that reads a variable is not compilable.
 */
export function collectSelection(
  schema: GraphQLSchema,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (!included(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || applies(schema, selection.typeCondition.name.value, type)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = fragments[name];
        if (fragment && applies(schema, fragment.typeCondition.name.value, type)) visit(fragment.selectionSet);
      }
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

/** The selection sets of a field's nodes, merged the way graphql-js merges them. */
export function selectionSetsOf(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

function included(directives: readonly DirectiveNode[] | undefined): boolean {
  if (!directives?.length) return true;
  for (const directive of directives) {
    const name = directive.name.value;
    if (name !== "skip" && name !== "include") continue;
    const condition = directive.arguments?.find((argument) => argument.name.value === "if")?.value;
    if (condition?.kind !== Kind.BOOLEAN) throw new NotCompilable(`@${name} reads a variable`);
    if (name === "skip" && condition.value) return false;
    if (name === "include" && !condition.value) return false;
  }
  return true;
}

function applies(schema: GraphQLSchema, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditionType = typeFromAST(schema, { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: condition } });
  return conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
}
