import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { createDatabaseIfMissing } from "../../src/db/postgres/createDatabaseIfMissing.js";
import { migratePostgres } from "../../src/db/postgres/migratePostgres.js";
import { redactUrl } from "../../src/db/redactUrl.js";
import { assertBenchDatabase } from "./assertBenchDatabase.js";
import { copyPlan } from "./copyPlan.js";
import { copyTableWithInserts } from "./copyTableWithInserts.js";
import { copyTableWithPsql } from "./copyTableWithPsql.js";
import { detachIndexes } from "./detachIndexes.js";
import type { DetachedIndexes } from "./detachIndexes.js";
import { migratedCorpusCopy } from "./migratedCorpusCopy.js";
import { recreateDatabase } from "./recreateDatabase.js";
import { resetSequences } from "./resetSequences.js";
import { searchIndexFill } from "./searchIndexFill.js";
import { userTriggers } from "./userTriggers.js";

export type CopyMethod = "copy" | "insert";

export interface LoadOptions {
  /** The SQLite corpus (left untouched: a migrated copy is read). */
  sqliteFile: string;
  url: string;
  method: CopyMethod;
  /** Drop and recreate a database that already holds rows, instead of refusing. */
  recreate: boolean;
  /** Read the corpus as it is, without migrating a copy to the current SQLite schema first. */
  skipSqliteMigrate?: boolean;
  /** Keep indexes and constraints during the copy (slow path, for measuring their cost). */
  keepIndexes?: boolean;
  /** Keep the user triggers on during the copy (slow path: the search index is written row by row). */
  withTriggers?: boolean;
  log: (line: string) => void;
  progress: (phase: string, done: number, total: number) => void;
}

export interface LoadStats {
  url: string;
  method: CopyMethod;
  rows: Record<string, number>;
  totalRows: number;
  searchDocuments: number;
  sqliteMigrationsApplied: string[];
  disabledTriggers: string[];
  /** Constraints and indexes dropped for the copy and rebuilt after it. */
  rebuilt: string[];
  warnings: string[];
  seconds: { prepare: number; copy: number; searchIndex: number; indexes: number; analyze: number; total: number };
  rowsPerSecond: { copy: number; overall: number };
}

const seconds = (since: number) => +((performance.now() - since) / 1000).toFixed(2);

/**
 * Copies the SQLite corpus into a PostgreSQL database migrated by the API's own runner: every
 * table both have, parents first, in pg_restore's order (rows first, then keys, indexes and
 * foreign keys, which check every row once rebuilt); the user triggers off during the copy (the
 * search index is then built in one pass per table, as bench/generate.ts does for FTS5, and the
 * link tables' dateSort comes from the migrated SQLite copy, which computed it); sequences moved
 * past the copied ids; VACUUM ANALYZE so the planner has statistics and index-only scans see an
 * all-visible heap, as on a database that has been running a while.
 */
export async function loadCorpusIntoPostgres(options: LoadOptions): Promise<LoadStats> {
  const { url, log } = options;
  assertBenchDatabase(url, "load the corpus into");
  const started = performance.now();
  const created = await createDatabaseIfMissing(url);
  if (!created) {
    const held = await existingState(url);
    if (held) {
      if (!options.recreate) throw new Error(`${redactUrl(url)} ${held}. Pass --recreate to drop it and load again, or name another bench_* database with --url.`);
      log(`${redactUrl(url)} ${held}: dropping it and creating it again (--recreate)`);
      await recreateDatabase(url);
    }
  }
  const migrated = await migratePostgres(url);
  log(`migrated ${redactUrl(url)}: ${migrated.applied.length} applied, ${migrated.alreadyApplied} already there`);

  const source = options.skipSqliteMigrate ? { file: options.sqliteFile, applied: [], remove: () => undefined } : await migratedCorpusCopy(options.sqliteFile);
  if (source.applied.length) log(`the corpus predates ${source.applied.length} SQLite migration(s); reading a migrated copy (${source.applied.join(", ")})`);
  const sqlite = new BetterSqlite3(source.file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  const warnings: string[] = [];
  try {
    const plan = await copyPlan(client, sqlite);
    for (const table of plan.missingInSqlite) warnings.push(`"${table}" is not in the SQLite corpus: left empty`);
    for (const t of plan.tables) {
      if (t.defaulted.length) warnings.push(`"${t.table}": ${t.defaulted.join(", ")} only in PostgreSQL: filled with the column default`);
      if (t.dropped.length) warnings.push(`"${t.table}": ${t.dropped.join(", ")} only in SQLite: not copied (the PostgreSQL migrations lag behind)`);
    }
    for (const warning of warnings) log(`warning: ${warning}`);

    const triggers = options.withTriggers ? new Map<string, string[]>() : await userTriggers(client, plan.tables.map((t) => t.table));
    const disabled = [...triggers].flatMap(([table, names]) => names.map((name) => ({ table, name })));
    const { rows: [searchIndex] } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"SearchIndex"') IS NOT NULL AS exists`);
    const alter = async (action: "DISABLE" | "ENABLE") => {
      for (const { table, name } of disabled) await client.query(`ALTER TABLE ${client.escapeIdentifier(table)} ${action} TRIGGER ${client.escapeIdentifier(name)}`);
    };
    const prepared = seconds(started);

    const rows: Record<string, number> = {};
    const copyStarted = performance.now();
    let detached: DetachedIndexes | undefined;
    let copySeconds = 0;
    let searchIndexSeconds = 0;
    let searchDocuments = 0;
    let indexSeconds = 0;
    let rebuiltNames: string[] = [];
    // For the index builds after the copy (GIN and b-tree sorts), the server default is 64 MB.
    await client.query("SET maintenance_work_mem = '512MB'");
    await alter("DISABLE");
    try {
      // Triggers that stay on need the indexes: the search triggers' ON CONFLICT needs the key,
      // the link tables' dateSort triggers look meetings up by id.
      if (!options.keepIndexes && !options.withTriggers) {
        detached = await detachIndexes(client, [...plan.tables.map((t) => t.table), ...(searchIndex!.exists ? ["SearchIndex"] : [])]);
        rebuiltNames = detached.names;
      }
      // Sequential on purpose: with psql the copy already keeps two processes busy (this one
      // encoding, the backend parsing), which is every core of the machine it was written on.
      for (const { table, columns } of plan.tables) {
        const total = sqlite.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
        const select = sqlite.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}"`).raw();
        const t = performance.now();
        const onProgress = (done: number) => options.progress(table, done, total);
        const count =
          options.method === "copy"
            ? await copyTableWithPsql(url, table, columns, select.iterate() as Iterable<unknown[]>, onProgress)
            : await copyTableWithInserts(client, table, columns, select.iterate() as Iterable<unknown[]>, onProgress);
        rows[table] = count;
        const took = (performance.now() - t) / 1000;
        if (count > 0) log(`${table.padEnd(16)} ${String(count).padStart(9)} rows  ${took.toFixed(2).padStart(6)} s  ${Math.round(count / took).toLocaleString("en").padStart(9)} rows/s`);
      }
      copySeconds = seconds(copyStarted);

      const indexStarted = performance.now();
      if (disabled.some((t) => t.name.startsWith("SearchIndex_"))) {
        const fill = searchIndexFill();
        log(`building the search index (${fill.statements.length} statements of ${fill.migration})…`);
        await client.query("BEGIN");
        try {
          for (const statement of fill.statements) searchDocuments += (await client.query(statement)).rowCount ?? 0;
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        }
      }
      searchIndexSeconds = seconds(indexStarted);

      if (detached) {
        const rebuildStarted = performance.now();
        log(`re-creating ${detached.names.length} keys, indexes and foreign keys…`);
        const restoring = detached;
        detached = undefined;
        await restoring.restore();
        indexSeconds = seconds(rebuildStarted);
      }
    } finally {
      // A failed copy leaves a half-loaded database that the next run refuses (it holds rows) and
      // --recreate drops; putting back what can be put back keeps it at least inspectable.
      if (detached) await detached.restore().catch((error: Error) => log(`could not re-create the indexes: ${error.message}`));
      await alter("ENABLE");
    }

    const analyzeStarted = performance.now();
    const sequences = await resetSequences(client);
    await client.query("VACUUM (ANALYZE)");
    const analyzeSeconds = seconds(analyzeStarted);
    log(`${sequences} sequences moved past the copied ids; VACUUM (ANALYZE) done`);

    // The copy is only useful if it is complete: compare counts with the source.
    for (const { table } of plan.tables) {
      const want = sqlite.prepare(`SELECT COUNT(*) FROM "${table}"`).pluck().get() as number;
      const { rows: [got] } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${client.escapeIdentifier(table)}`);
      if (got!.n !== want) throw new Error(`"${table}" has ${got!.n} rows in PostgreSQL, ${want} in SQLite`);
    }

    const totalRows = Object.values(rows).reduce((a, b) => a + b, 0);
    const total = seconds(started);
    return {
      url: redactUrl(url),
      method: options.method,
      rows,
      totalRows,
      searchDocuments,
      sqliteMigrationsApplied: source.applied,
      disabledTriggers: disabled.map(({ table, name }) => `${table}.${name}`),
      rebuilt: rebuiltNames,
      warnings,
      seconds: { prepare: prepared, copy: copySeconds, searchIndex: searchIndexSeconds, indexes: indexSeconds, analyze: analyzeSeconds, total },
      rowsPerSecond: { copy: Math.round(totalRows / copySeconds), overall: Math.round(totalRows / total) },
    };
  } finally {
    await client.end();
    sqlite.close();
    source.remove();
  }
}

/**
 * Why an existing database cannot simply be loaded into: it holds rows, or an interrupted load
 * left triggers disabled. Undefined when it is empty and intact (e.g. only migrated).
 */
async function existingState(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname <> '_prisma_migrations' ORDER BY relname`,
    );
    for (const { name } of tables) {
      const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${client.escapeIdentifier(name)}) AS any`);
      if (rows[0]!.any) return `already holds rows (in "${name}")`;
    }
    const { rows } = await client.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       WHERE NOT t.tgisinternal AND t.tgenabled = 'D' AND c.relnamespace = current_schema()::regnamespace`,
    );
    if (rows[0]!.n > 0) return `has ${rows[0]!.n} disabled trigger(s), left by an interrupted load`;
    return undefined;
  } finally {
    await client.end();
  }
}
