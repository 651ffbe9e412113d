import type pg from "pg";

/** The enabled user (non-constraint) triggers on `tables`, by table. */
export async function userTriggers(client: pg.Client, tables: readonly string[]): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = current_schema()::regnamespace AND c.relname = ANY($1::text[])
     ORDER BY c.relname, t.tgname`,
    [tables],
  );
  const byTable = new Map<string, string[]>();
  for (const { table, trigger } of rows) byTable.set(table, [...(byTable.get(table) ?? []), trigger]);
  return byTable;
}
