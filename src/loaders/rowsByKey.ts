import DataLoader from "dataloader";
import type { SqlReader } from "../db/Sql.js";

/**
 * Loads the rows belonging to each of many parents in one statement. `query` selects the rows
 * and a `_key` column, filtered by `(SELECT value FROM json_each(?))`, in the order each
 * parent's list should have.
 */
export function rowsByKey<T>(sql: SqlReader, query: string): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await sql.all<T & { _key: number }>(query, [JSON.stringify(keys)]);
    const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
    for (const { _key, ...row } of rows) groups.get(_key)?.push(row as T);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
