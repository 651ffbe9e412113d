import type { Row } from "./recordLines.js";

/**
 * Orders rows so each row's parent (`parentKey`, an id in the same table) comes before it, so an
 * import can insert them in file order under foreign keys. A cycle is a data error: it is
 * reported rather than written out in an order no import could replay.
 */
export function parentsFirst(rows: readonly Row[], parentKey: string, table: string): Row[] {
  const byId = new Map(rows.map((row) => [row.id as number, row]));
  const done = new Set<number>();
  const visiting = new Set<number>();
  const ordered: Row[] = [];
  const visit = (row: Row) => {
    const id = row.id as number;
    if (done.has(id)) return;
    if (visiting.has(id)) throw new Error(`${table} ${id} is its own ancestor through ${parentKey}: fix the cycle before exporting.`);
    visiting.add(id);
    const parent = row[parentKey];
    if (typeof parent === "number" && byId.has(parent)) visit(byId.get(parent)!);
    visiting.delete(id);
    done.add(id);
    ordered.push(row);
  };
  rows.forEach(visit);
  return ordered;
}
