import DataLoader from "dataloader";
import type { SqlReader } from "../db/Sql.js";

/**
 * Loads rows of one table by id, one statement per batch whatever its size: the ids travel as a
 * JSON array so the SQL text (and its prepared statement) never changes with the batch size.
 * `columns` narrows wide rows (src/db/rows.ts).
 */
export class RowsById<T extends { id: number }> extends DataLoader<number, T | null> {
  constructor(
    private readonly sql: SqlReader,
    private readonly table: string,
    private readonly columns = "*",
  ) {
    super(async (ids) => {
      const rows = await sql.all<T>(`SELECT ${columns} FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  /**
   * The row with this slug, read whole in one statement (not its id, then a batch) and kept in
   * this loader, so a later `load(id)` in the same request costs nothing.
   */
  async bySlug(slug: string): Promise<T | null> {
    const row = await this.sql.get<T>(`SELECT ${this.columns} FROM "${this.table}" WHERE slug = ?`, [slug]);
    if (!row) return null;
    this.prime(row.id, row);
    return row;
  }
}

/** A {@link RowsById} loader for `table`. */
export function rowsById<T extends { id: number }>(sql: SqlReader, table: string, columns = "*"): RowsById<T> {
  return new RowsById<T>(sql, table, columns);
}
