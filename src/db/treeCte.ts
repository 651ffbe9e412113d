/**
 * A `tree(root, id)` CTE: each root (from a JSON array parameter) paired with itself and, when
 * `descend` is set, with every row below it in a self-referencing table. Serves affiliates
 * (NATO → NATO Mission Iraq → its commander) and subtopics with one query shape each.
 */
export function treeCte(table: "Actor" | "Topic", descend: boolean): string {
  const column = table === "Actor" ? "affiliationId" : "parentId";
  if (!descend) return "WITH tree(root, id) AS (SELECT value, value FROM json_each(?))";
  return `WITH RECURSIVE tree(root, id) AS (
      SELECT value, value FROM json_each(?)
      UNION
      SELECT tree.root, t.id FROM "${table}" t JOIN tree ON t."${column}" = tree.id)`;
}
