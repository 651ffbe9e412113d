import type { SqlReader } from "./Sql.js";

/** Whether a PostgreSQL server is a standby replaying a primary's WAL (a streaming or log-shipping replica). */
export async function isStandby(sql: SqlReader): Promise<boolean> {
  return (await sql.get<{ standby: boolean }>(`SELECT pg_is_in_recovery() AS standby`))?.standby === true;
}
