import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadRecord } from "../../src/record/loadRecord.js";
import type { RawRecord } from "../../src/record/loadRecord.js";
import { planRecord } from "../../src/record/planRecord.js";
import { RecordError } from "../../src/record/RecordError.js";
import type { SeedPlan } from "../../src/record/SeedPlan.js";
import { anyUtf16, hostileString } from "./support/hostileStrings.js";

// The seed's validator on records mutated at random: it must either plan the record correctly or
// refuse it with a RecordError that names the file and entry. Any other exception is a crash.
const base = loadRecord();

type Path = (string | number)[];

/** Every place in the raw record a value sits, the articles' source texts included. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}
// The loader's own structure (the articles list, each entry's file name) is not input; everything
// parsed from YAML (actors, topics, places, each article's data) and each source text is.
const PATHS = paths(base).filter((p) => p.length > 0 && (p[0] !== "articles" || (p.length >= 3 && (p[2] === "data" || p[2] === "original"))));

const replacement = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  hostileString(),
  anyUtf16(20),
  fc.constant("x".repeat(100_000)),
  fc.constant("2023-02-30"),
  fc.constant("no-such-slug"),
);

/**
 * Sets (or, with undefined, deletes) the value at a path of a copy of the record. YAML can put
 * any value anywhere in `data`; a source text (`original`) is read from a file, so it is only
 * ever a string, or null when the file is missing.
 */
function mutate(record: RawRecord, path: Path, value: unknown): RawRecord {
  if (path.at(-1) === "original" && path.length === 3 && value !== null && typeof value !== "string") value = String(value);
  const copy = structuredClone(record) as unknown as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy as unknown as RawRecord;
}

/** A plan is correct when every located quote and mention is exactly the stored text at its offsets. */
function locatedExactly(plan: SeedPlan): boolean {
  const texts = new Map(plan.articles.map((a) => [a.slug, a]));
  const at = (article: string, field: "HEADLINE" | "BODY", start: number, end: number) => {
    const a = texts.get(article)!;
    return (field === "HEADLINE" ? a.headline! : a.body).slice(start, end);
  };
  const evidence = [
    ...plan.articles.flatMap((a) => a.topics.map((t) => t.evidence)),
    ...plan.actors.flatMap((a) => a.positions.map((p) => p.evidence)),
    ...plan.meetings.flatMap((m) => [...m.sources, ...m.participants.map((p) => p.evidence), ...m.topics.map((t) => t.evidence)]),
  ];
  return (
    evidence.every((e) => at(e.article, e.field, e.start, e.end) === e.quote) &&
    plan.articles.every((a) => a.mentions.every((m) => at(a.slug, m.field, m.start, m.end) === m.surface))
  );
}

describe("planRecord on mutated records", () => {
  it("plans the real record correctly", () => {
    expect(locatedExactly(planRecord(base))).toBe(true);
  });

  it("gives a correct plan or a RecordError naming file and entry, never a crash", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: PATHS.length - 1 }), replacement), { minLength: 1, maxLength: 3 }), (edits) => {
        const record = edits.reduce((r, [index, value]) => {
          try {
            return mutate(r, PATHS[index]!, value);
          } catch {
            return r; // an earlier edit removed this path's parent
          }
        }, base);
        try {
          return locatedExactly(planRecord(record));
        } catch (error) {
          if (!(error instanceof RecordError)) throw error;
          return error.problems.length > 0 && error.problems.every((p) => p.file.length > 0 && p.entry.length > 0 && p.message.length > 0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
