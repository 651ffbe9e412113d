import type pg from "pg";

/** PostgreSQL's limit on parameters per statement (a 16-bit count in the protocol). */
const MAX_PARAMETERS = 65_535;

/**
 * The fallback when psql is not at hand: multi-row `INSERT … VALUES` of up to `batchRows` rows
 * through `pg`, one prepared statement for the full batch size, the whole table in one
 * transaction. Slower than COPY (every value travels as a bind parameter, every batch is a round
 * trip), kept so the loader works with only the npm dependencies, and to measure the difference.
 */
export async function copyTableWithInserts(
  client: pg.Client,
  table: string,
  columns: readonly string[],
  rows: Iterable<unknown[]>,
  onProgress: (rows: number) => void,
  batchRows = 1000,
): Promise<number> {
  const perBatch = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / columns.length)));
  const list = columns.map((c) => `"${c}"`).join(", ");
  const statement = (n: number) => {
    const tuples: string[] = [];
    for (let r = 0; r < n; r += 1) tuples.push(`(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
    return `INSERT INTO "${table}" (${list}) VALUES ${tuples.join(", ")}`;
  };
  const full = { name: `bench_copy_${table}_${perBatch}`, text: statement(perBatch) };
  let count = 0;
  let batch: unknown[] = [];
  await client.query("BEGIN");
  try {
    for (const row of rows) {
      batch.push(...row);
      count += 1;
      if (count % perBatch === 0) {
        await client.query({ ...full, values: batch });
        batch = [];
        onProgress(count);
      }
    }
    if (batch.length > 0) await client.query(statement(batch.length / columns.length), batch);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new Error(`INSERT into "${table}" failed: ${(error as Error).message}`, { cause: error });
  }
  onProgress(count);
  return count;
}
