import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { ImportError } from "./ImportError.js";
import { EXPORT_FORMAT, EXPORT_VERSION, LINE_TABLES } from "./recordLines.js";
import type { HeaderLine, RecordLine, Row } from "./recordLines.js";

/** A record line and where it stands in the file, for error messages. */
export interface NumberedLine {
  number: number;
  line: RecordLine;
}

export interface ExportFile {
  header: HeaderLine;
  lines: NumberedLine[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function checkRow(value: unknown, where: string): Row {
  if (!isObject(value)) throw new ImportError(`${where} must be an object of column values.`);
  for (const [column, cell] of Object.entries(value)) {
    const ok = cell === null || typeof cell === "string" || (typeof cell === "number" && Number.isFinite(cell));
    if (!ok) throw new ImportError(`${where}: column "${column}" must be a string, a finite number or null.`);
  }
  if (!Number.isSafeInteger(value.id) || (value.id as number) < 1) throw new ImportError(`${where} needs a positive integer "id".`);
  return value as Row;
}

/**
 * The record's promise, checked on the way in: every quote and every mention of an article line is
 * the article's own text at its offsets, so an import can never store evidence that proves nothing.
 */
function checkSpans(line: Record<string, unknown>, at: string): void {
  const article = line.article as Row;
  const textOf = (field: unknown) => (field === "HEADLINE" ? article.headline : field === "BODY" ? article.body : undefined);
  const spans: [string, string][] = [["evidence", "quote"], ["mentions", "surface"]];
  for (const [part, column] of spans) {
    for (const row of line[part] as Row[]) {
      const text = textOf(row.field);
      const { start, end } = row;
      const inside = typeof text === "string" && typeof start === "number" && typeof end === "number" && Number.isSafeInteger(start) && Number.isSafeInteger(end) && 0 <= start && start <= end && end <= text.length;
      if (!inside || text.slice(start, end) !== row[column]) {
        throw new ImportError(`${at} (article ${article.id}): ${part} ${row.id} is not the article's ${String(row.field).toLowerCase()} text at [${start}, ${end}). The file is damaged; export it again.`);
      }
    }
  }
}

/** Checks one parsed line against the format; returns it typed. */
export function checkLine(value: unknown, number: number): RecordLine {
  const at = `line ${number}`;
  if (!isObject(value) || typeof value.type !== "string") throw new ImportError(`${at}: not a record line (an object with a "type").`);
  const parts = (LINE_TABLES as Record<string, Record<string, string>>)[value.type];
  if (!parts) throw new ImportError(`${at}: unknown line type "${value.type}".`);
  const [own, ...children] = Object.keys(parts);
  checkRow(value[own!], `${at} (${value.type}) "${own}"`);
  for (const part of children) {
    const rows = value[part];
    if (!Array.isArray(rows)) throw new ImportError(`${at} (${value.type}): "${part}" must be a list of rows.`);
    rows.forEach((row, i) => checkRow(row, `${at} (${value.type}) "${part}" #${i + 1}`));
  }
  const extra = Object.keys(value).filter((key) => key !== "type" && !(key in parts));
  if (extra.length > 0) throw new ImportError(`${at} (${value.type}): unexpected field(s) ${extra.join(", ")}.`);
  if (value.type === "article") checkSpans(value, at);
  return value as unknown as RecordLine;
}

/**
 * Reads and checks a whole export before anything is written: a file that is not an export, is
 * malformed anywhere, or lacks its closing line (an interrupted export or copy) is refused with
 * the line at fault, and the database is left as it was.
 */
export async function readExport(file: string): Promise<ExportFile> {
  let header: HeaderLine | null = null;
  let end: { lines: number; counts: Record<string, number> } | null = null;
  const lines: NumberedLine[] = [];
  const rows: Record<string, number> = {};
  let number = 0;
  const input = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const text of input) {
    number++;
    if (text.trim() === "") continue;
    if (end) throw new ImportError(`line ${number}: text after the closing "end" line. The file is damaged; export it again.`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new ImportError(`line ${number}: not valid JSON. The file is damaged; export it again.`);
    }
    if (number === 1) {
      const h = value as Partial<HeaderLine>;
      if (!isObject(value) || h.type !== "header" || h.format !== EXPORT_FORMAT) {
        throw new ImportError(`line 1: not a taawun export (expected a header with format "${EXPORT_FORMAT}"). Make one with \`npm run export\`.`);
      }
      if (h.version !== EXPORT_VERSION) throw new ImportError(`line 1: export format version ${String(h.version)}; this build reads version ${EXPORT_VERSION}.`);
      header = value as unknown as HeaderLine;
      continue;
    }
    if (isObject(value) && value.type === "end") {
      end = value as unknown as { lines: number; counts: Record<string, number> };
      if (end.lines !== number) throw new ImportError(`line ${number}: the closing line says ${end.lines} lines. The file is damaged; export it again.`);
      continue;
    }
    const line = checkLine(value, number);
    for (const [part, table] of Object.entries(LINE_TABLES[line.type])) {
      const content = (line as unknown as Record<string, Row | Row[]>)[part]!;
      rows[table] = (rows[table] ?? 0) + (Array.isArray(content) ? content.length : 1);
    }
    lines.push({ number, line });
  }
  if (!header) throw new ImportError(`${file} is empty. Make an export with \`npm run export\`.`);
  if (!end) throw new ImportError(`${file} ends at line ${number} without its closing "end" line: it is incomplete (an interrupted export or copy). Export it again.`);
  for (const [table, count] of Object.entries(end.counts)) {
    if ((rows[table] ?? 0) !== count) throw new ImportError(`The file holds ${rows[table] ?? 0} ${table} rows but its closing line says ${count}. The file is damaged; export it again.`);
  }
  return { header, lines };
}
