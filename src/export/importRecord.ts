import type { PrismaClient } from "../generated/prisma/client.js";
import { writeTransaction } from "../db/writeTransaction.js";
import type { Tx } from "../db/writeTransaction.js";
import { ImportError } from "./ImportError.js";
import type { StepProgress } from "./progress.js";
import type { ExportFile } from "./readExport.js";
import { EXPORTED_TABLES, LINE_TABLES } from "./recordLines.js";
import type { RecordLine, Row } from "./recordLines.js";
import { checkColumns, tableColumns } from "./tableColumns.js";

export interface ImportSummary {
  /** Lines written now. */
  inserted: number;
  /** Lines already in the database with the same content (an earlier, interrupted run). */
  skipped: number;
}

interface Delegate {
  findUnique(args: { where: { id: number } }): Promise<Record<string, unknown> | null>;
  createMany(args: { data: Row[] }): Promise<unknown>;
}

/** Prisma's model delegate for a table (`ActorAlias` → `tx.actorAlias`). */
const delegate = (tx: Tx, table: string): Delegate => (tx as unknown as Record<string, Delegate>)[table[0]!.toLowerCase() + table.slice(1)]!;

/** The line's parts in write order: its own row first, then its children. */
const partsOf = (line: RecordLine): [string, Row[]][] =>
  Object.entries(LINE_TABLES[line.type]).map(([part, table]) => {
    const value = (line as unknown as Record<string, Row | Row[]>)[part]!;
    return [table, Array.isArray(value) ? value : [value]];
  });

/**
 * Writes one line in its own immediate transaction: all of the line's rows or none. A line whose
 * own row is already stored with the same content was written by an earlier run and is skipped,
 * which is what makes a rerun after a crash resume where it stopped, and what lets two processes
 * import overlapping files into one database without losing or doubling anything.
 */
async function writeLine(tx: Tx, line: RecordLine, where: string): Promise<boolean> {
  const [[table, [row]], ...children] = partsOf(line) as [[string, [Row]], ...[string, Row[]][]];
  const stored = await delegate(tx, table).findUnique({ where: { id: row.id as number } });
  if (stored) {
    const differs = Object.entries(row).find(([column, value]) => stored[column] !== value);
    if (differs) {
      throw new ImportError(`${where}: ${table} ${row.id} is already in the database with a different "${differs[0]}". Import into an empty database (a new DATABASE_URL).`);
    }
    return false;
  }
  await delegate(tx, table).createMany({ data: [row] });
  for (const [childTable, rows] of children) if (rows.length > 0) await delegate(tx, childTable).createMany({ data: rows });
  return true;
}

/** Prisma's error, shortened to what a user can act on. */
function refused(error: unknown, where: string): Error {
  if (error instanceof ImportError) return error;
  const code = (error as { code?: string }).code;
  const why =
    code === "P2002" ? "a row with the same unique key (a slug, a content hash) is already in the database" :
    code === "P2003" ? "it refers to a row that is not in the database" :
    ((error as Error).message ?? String(error)).trim().split("\n").at(-1);
  return new ImportError(`${where}: the database refused it: ${why}. Import into an empty database, or fix the file.`);
}

/**
 * Restores an export (already read and checked by readExport) into a migrated database, keeping
 * every id. Every row is checked against the database's columns before the first write.
 */
export async function importRecord(prisma: PrismaClient, file: ExportFile, progress: StepProgress = () => {}): Promise<ImportSummary> {
  const columns = new Map(await Promise.all(EXPORTED_TABLES.map(async (table) => [table, await tableColumns(prisma, table)] as const)));
  for (const { number, line } of file.lines) {
    for (const [table, rows] of partsOf(line)) rows.forEach((row) => checkColumns(row, columns.get(table)!, `line ${number} (${table} ${row.id})`));
  }
  const summary: ImportSummary = { inserted: 0, skipped: 0 };
  for (const [i, { number, line }] of file.lines.entries()) {
    const where = `line ${number} (${line.type})`;
    let wrote: boolean;
    try {
      wrote = await writeTransaction(prisma, (tx) => writeLine(tx, line, where));
    } catch (error) {
      throw refused(error, where);
    }
    summary[wrote ? "inserted" : "skipped"]++;
    progress(i + 1, file.lines.length);
  }
  return summary;
}
