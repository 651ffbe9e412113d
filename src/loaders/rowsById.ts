import DataLoader from "dataloader";
import type { SqlReader } from "../db/Sql.js";

/**
 * Loads rows of one table by id, one statement per batch whatever its size: the ids travel as a
 * JSON array so the SQL text (and its prepared statement) never changes with the batch size.
 * `columns` narrows wide rows (see ARTICLE_COLUMNS in createLoaders.ts).
 */
export function rowsById<T extends { id: number }>(sql: SqlReader, table: string, columns = "*"): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await sql.all<T>(`SELECT ${columns} FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
