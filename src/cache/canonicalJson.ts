/**
 * JSON text with every object's keys sorted, so two requests whose variables differ only in key
 * order (`{"a":1,"b":2}` and `{"b":2,"a":1}`) get the same cache key. Keys whose value is
 * `undefined` are left out, as JSON.stringify does; the input is parsed JSON, so nothing else
 * (functions, cycles, symbols) can occur.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${parts.join(",")}}`;
}
