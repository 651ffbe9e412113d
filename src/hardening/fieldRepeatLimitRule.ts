import { GraphQLError, Kind } from "graphql";
import type { ValidationRule } from "graphql";

/**
 * Refuses a selection set that selects the same field (response key) more than `max` times, as in
 * graphql-cop's "500 × __typename". graphql-js merges such duplicates, so they cost little to run,
 * but no client needs them and answering them tells a scanner the server accepts anything. Fields
 * arriving through fragments are not counted: composing fragments legitimately repeats fields.
 */
export function fieldRepeatLimitRule(max: number): ValidationRule {
  return (context) => ({
    SelectionSet(node) {
      const counts = new Map<string, number>();
      for (const selection of node.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const key = selection.alias?.value ?? selection.name.value;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      for (const [key, count] of counts) {
        if (count > max) {
          context.reportError(
            new GraphQLError(`Field "${key}" is selected ${count} times in one selection set; at most ${max} are allowed. Select each field once.`, {
              nodes: node,
              extensions: { limit: "fieldRepeats" },
            }),
          );
        }
      }
    },
  });
}
