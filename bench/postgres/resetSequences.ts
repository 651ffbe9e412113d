import type pg from "pg";

/**
 * Moves every serial column's sequence past the largest id copied in: COPY and explicit-id
 * INSERTs do not advance it, so the next row the API writes would collide with a copied one.
 * Returns how many sequences were set.
 */
export async function resetSequences(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  for (const { table, column } of rows) {
    const t = client.escapeIdentifier(table);
    const c = client.escapeIdentifier(column);
    // is_called = false with max + 1: an empty table starts at 1, as a fresh one would.
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX(${c}) FROM ${t}), 0) + 1, false)`, [t, column]);
  }
  return rows.length;
}
