import type pg from "pg";

/**
 * Runs a statement written with `?` placeholders, as the read path's PostgreSQL driver does:
 * each `?` becomes `$1, $2, …` in order (the search statements hold no other `?`).
 */
export async function postgresQuery<T>(client: pg.ClientBase, sql: string, params: readonly unknown[] = []): Promise<T[]> {
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  if (n !== params.length) throw new Error(`${n} placeholders but ${params.length} parameters in: ${sql}`);
  return (await client.query(text, [...params])).rows as T[];
}
