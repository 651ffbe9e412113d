/**
 * One row in COPY's text format: tab-separated, `\N` for NULL, backslash escapes for the
 * characters the format reserves. Text rather than CSV because it needs no quoting decision per
 * value and PostgreSQL parses it faster.
 */
export function copyTextRow(values: readonly unknown[]): string {
  let line = "";
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) line += "\t";
    line += copyTextValue(values[i]);
  }
  return `${line}\n`;
}

const RESERVED = /[\\\n\r\t]/;

function copyTextValue(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") {
    return RESERVED.test(value) ? value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t") : value;
  }
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  // bytea in text format: \x followed by hex, its backslash escaped for COPY.
  if (Buffer.isBuffer(value)) return `\\\\x${value.toString("hex")}`;
  throw new Error(`cannot COPY a ${typeof value} value`);
}
