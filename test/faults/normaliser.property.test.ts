import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldText, foldWithOffsets, normalizeForSearch, textMatches, tokenize } from "../../src/text/index.js";
import { anyUtf16, hostileString } from "./support/hostileStrings.js";

// Hostile input for the one normaliser every search and every seed goes through: it must give a
// well-formed answer for anything, never throw.
const input = fc.oneof(hostileString(), anyUtf16());
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const RUNS = { numRuns: 600 };

describe("the normaliser on arbitrary Unicode", () => {
  it("makes search keys of single-space-separated words, with no controls and no broken surrogates", () => {
    fc.assert(
      fc.property(input, (s) => {
        const key = normalizeForSearch(s);
        return !key.startsWith(" ") && !key.endsWith(" ") && !key.includes("  ") && !CONTROL.test(key) && !LONE_SURROGATE.test(key);
      }),
      RUNS,
    );
  });

  it("tokenizes into ordered, non-overlapping spans of the original whose keys make the search key", () => {
    fc.assert(
      fc.property(input, (s) => {
        const tokens = tokenize(s);
        let last = 0;
        for (const t of tokens) {
          if (!(last <= t.start && t.start < t.end && t.end <= s.length)) return false;
          if (s.slice(t.start, t.end) !== t.text || t.norm === "" || t.norm.includes(" ")) return false;
          last = t.end;
        }
        return tokens.map((t) => t.norm).join(" ") === normalizeForSearch(s);
      }),
      RUNS,
    );
  });

  it("folds with one in-range, non-decreasing offset per folded unit", () => {
    fc.assert(
      fc.property(input, (s) => {
        const { text, offsets } = foldWithOffsets(s);
        if (text !== foldText(s) || offsets.length !== text.length + 1 || offsets[text.length] !== s.length) return false;
        return offsets.every((o, i) => o >= 0 && o <= s.length && (i === 0 || o >= offsets[i - 1]!));
      }),
      RUNS,
    );
  });

  it("finds any text in itself, and never throws on a pair of strings", () => {
    fc.assert(fc.property(input, input, (a, b) => (normalizeForSearch(a) === "" || textMatches(a, a)) && typeof textMatches(a, b) === "boolean"), RUNS);
  });

  it("handles a 1 MB mixed-script text in reasonable time", () => {
    const huge = "قاسم الأعرجي Qasim al-Araji ﻻ \u200f٣٤ ".repeat(30_000);
    const started = performance.now();
    const key = normalizeForSearch(huge);
    expect(key.length).toBeGreaterThan(100_000);
    expect(tokenize(huge).length).toBe(key.split(" ").length);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
