import { describe, expect, it } from "vitest";
import { foldText } from "../foldText.js";
import { foldWithOffsets } from "../foldWithOffsets.js";
import { normalizeForSearch } from "../normalizeForSearch.js";
import { originalSpan } from "../originalSpan.js";
import { textMatches } from "../textMatches.js";
import { tokenize } from "../tokenize.js";
import { generateText, seededRandom } from "./generateText.js";

const RUNS = 2000;

function samples(seed: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: RUNS }, () => generateText(random));
}

/** First sample for which `check` fails, or undefined; reported with the sample so a failure is reproducible. */
function firstFailure(inputs: readonly string[], check: (s: string) => boolean): string | undefined {
  return inputs.find((s) => !check(s));
}

describe("properties over generated strings", () => {
  const inputs = samples(20240611);

  it("produces the same generated strings for the same seed", () => {
    expect(samples(7).slice(0, 5)).toEqual(samples(7).slice(0, 5));
  });

  it("generates non-trivial strings", () => {
    expect(inputs.filter((s) => tokenize(s).length >= 3).length).toBeGreaterThan(RUNS / 2);
  });

  it("makes foldText equal to foldWithOffsets text", () => {
    expect(firstFailure(inputs, (s) => foldText(s) === foldWithOffsets(s).text)).toBeUndefined();
  });

  it("makes foldText idempotent", () => {
    expect(firstFailure(inputs, (s) => foldText(foldText(s)) === foldText(s))).toBeUndefined();
  });

  it("gives one non-decreasing in-range offset per folded unit plus the original length", () => {
    const ok = (s: string): boolean => {
      const { text, offsets } = foldWithOffsets(s);
      if (offsets.length !== text.length + 1 || offsets[text.length] !== s.length) return false;
      for (let i = 0; i < text.length; i++) {
        const here = offsets[i] ?? -1;
        const next = offsets[i + 1] ?? -1;
        if (here < 0 || here >= s.length || next < here) return false;
      }
      return true;
    };
    expect(firstFailure(inputs, ok)).toBeUndefined();
  });

  it("maps every cluster-aligned folded range to an original substring that folds back to it", () => {
    const random = seededRandom(99);
    const ok = (s: string): boolean => {
      const { text, offsets } = foldWithOffsets(s);
      const aligned = (i: number): boolean => i === 0 || i === text.length || offsets[i - 1] !== offsets[i];
      for (let trial = 0; trial < 10; trial++) {
        const a = Math.floor(random() * (text.length + 1));
        const b = a + Math.floor(random() * (text.length - a + 1));
        if (!aligned(a) || !aligned(b)) continue;
        const span = originalSpan(offsets, a, b);
        if (foldText(s.slice(span.start, span.end)) !== text.slice(a, b)) return false;
      }
      return true;
    };
    expect(firstFailure(inputs, ok)).toBeUndefined();
  });

  it("maps any folded range to an original substring whose folding contains it", () => {
    const random = seededRandom(5);
    const ok = (s: string): boolean => {
      const { text, offsets } = foldWithOffsets(s);
      for (let trial = 0; trial < 10; trial++) {
        const a = Math.floor(random() * (text.length + 1));
        const b = a + Math.floor(random() * (text.length - a + 1));
        const span = originalSpan(offsets, a, b);
        if (!foldText(s.slice(span.start, span.end)).includes(text.slice(a, b))) return false;
      }
      return true;
    };
    expect(firstFailure(inputs, ok)).toBeUndefined();
  });

  it("gives tokens whose text is the original substring at their offsets", () => {
    expect(firstFailure(inputs, (s) => tokenize(s).every((t) => t.start < t.end && s.slice(t.start, t.end) === t.text))).toBeUndefined();
  });

  it("gives ordered tokens that never overlap", () => {
    const ok = (s: string): boolean =>
      tokenize(s).every((t, i, all) => {
        const prev = all[i - 1];
        return prev === undefined || t.start >= prev.end;
      });
    expect(firstFailure(inputs, ok)).toBeUndefined();
  });

  it("gives tokens non-empty keys without spaces", () => {
    expect(firstFailure(inputs, (s) => tokenize(s).every((t) => t.norm.length > 0 && !t.norm.includes(" ")))).toBeUndefined();
  });

  it("gives a token the key its own text normalises to", () => {
    expect(firstFailure(inputs, (s) => tokenize(s).every((t) => normalizeForSearch(t.text) === t.norm))).toBeUndefined();
  });

  it("makes normalizeForSearch the token norms joined by single spaces", () => {
    expect(firstFailure(inputs, (s) => normalizeForSearch(s) === tokenize(s).map((t) => t.norm).join(" "))).toBeUndefined();
  });

  it("finds every token's original text in the text it came from", () => {
    expect(firstFailure(inputs, (s) => tokenize(s).every((t) => textMatches(s, t.text)))).toBeUndefined();
  });

  it("finds a text in itself exactly when it has a word", () => {
    expect(firstFailure(inputs, (s) => textMatches(s, s) === (normalizeForSearch(s) !== ""))).toBeUndefined();
  });

  it("finds a text in itself with extra words around it", () => {
    expect(firstFailure(inputs, (s) => normalizeForSearch(s) === "" || textMatches(`قال ${s} أمس`, s))).toBeUndefined();
  });
});
