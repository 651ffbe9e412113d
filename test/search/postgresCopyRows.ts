import BetterSqlite3 from "better-sqlite3";
import type pg from "pg";

const SKIP = /^(sqlite_|_prisma_migrations$|SearchIndex)/;

/**
 * Copies every row of a SQLite record into the same tables of a PostgreSQL database (same names
 * and columns: both come from one schema.prisma), ids included, then moves each id sequence past
 * the copied ids. Foreign keys are not checked while copying (session_replication_role = replica,
 * which needs a superuser), because self-references (actor affiliations, topic parents) make a
 * table order impossible; the rows come from a database that enforced them.
 */
export async function postgresCopyRows(sqliteFile: string, client: pg.ClientBase): Promise<void> {
  const sqlite = new BetterSqlite3(sqliteFile, { readonly: true });
  try {
    const tables = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name).filter((t) => !SKIP.test(t));
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    for (const table of tables) {
      const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      const perBatch = Math.max(1, Math.floor(30000 / columns.length));
      for (let at = 0; at < rows.length; at += perBatch) {
        const batch = rows.slice(at, at + perBatch);
        const params: unknown[] = [];
        const values = batch.map((row) => `(${columns.map((c) => `$${params.push(row[c])}`).join(", ")})`);
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${values.join(", ")}`, params);
      }
      if (columns.includes("id")) await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    sqlite.close();
  }
}
