import type { Database } from "better-sqlite3";
import type pg from "pg";

/** One table to copy: the columns both databases have, in PostgreSQL's order. */
export interface TableCopy {
  table: string;
  columns: string[];
  /** Columns only PostgreSQL has: they get their default (the schemas are out of step). */
  defaulted: string[];
  /** Columns only SQLite has: not copied (the PostgreSQL migrations lag behind). */
  dropped: string[];
}

/** Tables that are never copied: migration bookkeeping, and the search index (rebuilt from the rows). */
const NOT_COPIED = new Set(["_prisma_migrations", "SearchIndex"]);

/**
 * Every PostgreSQL table of the current schema that the SQLite corpus also has, parents before
 * children (by the foreign keys PostgreSQL declares, so a copy with its constraints on never
 * references a row not yet there). Column lists come from both catalogues, not from code, so a
 * column added by a migration is copied without touching the bench.
 */
export async function copyPlan(client: pg.Client, sqlite: Database): Promise<{ tables: TableCopy[]; missingInSqlite: string[] }> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const { rows: keys } = await client.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  );
  const pgColumns = new Map<string, string[]>();
  for (const { table, column } of columns) if (!NOT_COPIED.has(table)) pgColumns.set(table, [...(pgColumns.get(table) ?? []), column]);
  const sqliteTables = new Set((sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]));

  // Depth-first topological order; a table's reference to itself (Actor.affiliationId,
  // Topic.parentId) is checked at the end of its COPY statement, so it needs no ordering.
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of keys) if (child !== parent) parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  const ordered: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: string, path: string[]) => {
    if (state.get(table) === "done") return;
    if (state.get(table) === "visiting") throw new Error(`foreign keys form a cycle: ${[...path, table].join(" → ")}; copying in order is impossible`);
    state.set(table, "visiting");
    for (const parent of [...(parents.get(table) ?? [])].sort()) if (pgColumns.has(parent)) visit(parent, [...path, table]);
    state.set(table, "done");
    ordered.push(table);
  };
  for (const table of [...pgColumns.keys()].sort()) visit(table, []);

  const tables: TableCopy[] = [];
  const missingInSqlite: string[] = [];
  for (const table of ordered) {
    if (!sqliteTables.has(table)) {
      missingInSqlite.push(table);
      continue;
    }
    const inSqlite = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    const inPg = pgColumns.get(table)!;
    tables.push({
      table,
      columns: inPg.filter((c) => inSqlite.includes(c)),
      defaulted: inPg.filter((c) => !inSqlite.includes(c)),
      dropped: inSqlite.filter((c) => !inPg.includes(c)),
    });
  }
  return { tables, missingInSqlite };
}
