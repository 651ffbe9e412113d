import type { RecordProblem } from "./RecordError.js";

/**
 * Reads typed fields out of parsed YAML, recording a located problem (instead of throwing) for
 * each wrong field, so validation reports every mistake in one pass.
 */
export class FieldReader {
  constructor(
    private readonly problems: RecordProblem[],
    readonly file: string,
  ) {}

  problem(entry: string, message: string): void {
    this.problems.push({ file: this.file, entry, message });
  }

  object(value: unknown, entry: string): Record<string, unknown> {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problem(entry, "expected a mapping");
    return {};
  }

  list(value: unknown, entry: string, optional = true): unknown[] {
    if (Array.isArray(value)) return value;
    if (value == null && optional) return [];
    this.problem(entry, "expected a list");
    return [];
  }

  string(value: unknown, entry: string): string {
    if (typeof value === "string" && value.trim().length > 0) return value;
    if (typeof value === "number") return String(value);
    this.problem(entry, "expected a non-empty string");
    return "";
  }

  optionalString(value: unknown, entry: string): string | null {
    return value == null ? null : this.string(value, entry);
  }

  optionalNumber(value: unknown, entry: string): number | null {
    if (value == null) return null;
    if (typeof value === "number" && Number.isFinite(value)) return value;
    this.problem(entry, "expected a number");
    return null;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], entry: string): T {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(entry, `expected one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`);
    return allowed[0]!;
  }

  /** YAML turns an unquoted 2023-01-24 into a Date; accept both forms, keep the ISO day. */
  optionalDay(value: unknown, entry: string): string | null {
    if (value == null) return null;
    const day = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return day;
    this.problem(entry, `expected a day YYYY-MM-DD, got ${JSON.stringify(value)}`);
    return null;
  }
}
