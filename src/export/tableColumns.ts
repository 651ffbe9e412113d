import type { PrismaClient } from "../generated/prisma/client.js";
import { ImportError } from "./ImportError.js";
import type { Row } from "./recordLines.js";

export interface Column {
  type: string;
  required: boolean;
}

/** A table's columns as the database declares them (the migrations are the contract, not the file). */
export async function tableColumns(prisma: PrismaClient, table: string): Promise<Map<string, Column>> {
  const info = await prisma.$queryRawUnsafe<{ name: string; type: string; notnull: bigint | number; dflt_value: string | null }[]>(`PRAGMA table_info("${table}")`);
  if (info.length === 0) throw new ImportError(`The database has no table ${table}: run \`npm run db:migrate\` first.`);
  // Columns with a default (e.g. search columns added by a later migration) may be absent from older files.
  return new Map(info.map((c) => [c.name, { type: c.type.toUpperCase(), required: Number(c.notnull) === 1 && c.dflt_value === null }]));
}

const fits = (type: string, value: string | number): boolean =>
  type === "INTEGER" ? Number.isSafeInteger(value) : type === "REAL" ? typeof value === "number" : type === "TEXT" ? typeof value === "string" : true;

/** Checks a row against its table before any write: unknown, missing or mistyped columns are refused. */
export function checkColumns(row: Row, columns: Map<string, Column>, where: string): void {
  for (const [name, value] of Object.entries(row)) {
    const column = columns.get(name);
    if (!column) throw new ImportError(`${where}: the database has no column "${name}" (was the file exported by a newer version? Migrate first).`);
    if (value === null ? column.required : !fits(column.type, value)) {
      throw new ImportError(`${where}: column "${name}" must be ${column.required ? "a non-null " : ""}${column.type.toLowerCase()} value, got ${JSON.stringify(value)}.`);
    }
  }
  for (const [name, column] of columns) {
    if (column.required && !(name in row)) throw new ImportError(`${where}: column "${name}" is missing.`);
  }
}
