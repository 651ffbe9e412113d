import { describe, expect, it } from "vitest";
import { foldText } from "../foldText.js";
import { foldWithOffsets } from "../foldWithOffsets.js";
import { originalSpan } from "../originalSpan.js";

/** The original substring behind the first occurrence of `needle` in the folded text. */
function highlight(s: string, needle: string): string {
  const { text, offsets } = foldWithOffsets(s);
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`${needle} not found in ${text}`);
  const span = originalSpan(offsets, at, at + needle.length);
  return s.slice(span.start, span.end);
}

describe("foldWithOffsets", () => {
  it("maps each folded letter of a vocalised word to its base letter", () => {
    expect(foldWithOffsets("قَاسِم")).toEqual({ text: "قاسم", offsets: [0, 2, 3, 5, 6] });
  });

  it("skips tatweel in the offsets", () => {
    expect(foldWithOffsets("الناتـــو")).toEqual({ text: "الناتو", offsets: [0, 1, 2, 3, 4, 8, 9] });
  });

  it("gives every unit of an expanded ligature the ligature's offset", () => {
    expect(foldWithOffsets("ﻻ ب")).toEqual({ text: "لا ب", offsets: [0, 0, 1, 2, 3] });
  });

  it("gives both halves of an astral character the same offset", () => {
    expect(foldWithOffsets("😀b")).toEqual({ text: "😀b", offsets: [0, 0, 2, 3] });
  });

  it("maps an astral letter folded to one unit to its first unit", () => {
    expect(foldWithOffsets("𝐀b")).toEqual({ text: "ab", offsets: [0, 2, 3] });
  });

  it("starts after leading diacritics and controls that fold to nothing", () => {
    expect(foldWithOffsets("\u200fَب")).toEqual({ text: "ب", offsets: [2, 3] });
  });

  it("returns only the end offset for the empty string", () => {
    expect(foldWithOffsets("")).toEqual({ text: "", offsets: [0] });
  });

  it("returns exactly the text of foldText", () => {
    const s = "«قَاسِم الأعـــرجى» ﻻ ﷲ Münsch ٢٠٢٣ \u200fکی";
    expect(foldWithOffsets(s).text).toBe(foldText(s));
  });

  it("maps a match in vocalised text back to the original word with all its diacritics", () => {
    expect(highlight("وزير الداخلية قَاسِمٌ الأَعْرَجِيُّ اليوم", "الاعرجي")).toBe("الأَعْرَجِيُّ");
  });

  it("maps a match ending in a tanween back to a span that includes the tanween", () => {
    expect(highlight("وزير الداخلية قَاسِمٌ الأَعْرَجِيُّ اليوم", "قاسم")).toBe("قَاسِمٌ");
  });

  it("maps a match in tatweel-stretched text back to the stretched original", () => {
    expect(highlight("أكد حلف الناتـــو دعمه", "الناتو")).toBe("الناتـــو");
  });

  it("maps a match inside a word to just that part of the original", () => {
    expect(highlight("حلف الناتـــو", "ناتو")).toBe("ناتـــو");
  });

  it("maps a folded Latin match back to the accented original", () => {
    expect(highlight("Rencontre avec M. MÜNSCH à Bagdad", "munsch")).toBe("MÜNSCH");
  });

  it("maps a multi-word match back across the original spacing and diacritics", () => {
    expect(highlight("قال «قَاسِم الأَعْرَجِي» أمس", "قاسم الاعرجي")).toBe("قَاسِم الأَعْرَجِي");
  });
});

describe("originalSpan", () => {
  it("widens a range that ends inside an expanded ligature to the whole ligature", () => {
    expect(originalSpan(foldWithOffsets("ﻻ ب").offsets, 0, 1)).toEqual({ start: 0, end: 1 });
  });

  it("starts a range that begins inside an expansion at the expanded character", () => {
    expect(originalSpan(foldWithOffsets("ﻻ ب").offsets, 1, 2)).toEqual({ start: 0, end: 1 });
  });

  it("returns an empty span for an empty range", () => {
    expect(originalSpan(foldWithOffsets("قَاسِم").offsets, 2, 2)).toEqual({ start: 3, end: 3 });
  });

  it("returns an empty span at the original end for an empty range at the folded end", () => {
    expect(originalSpan(foldWithOffsets("قَاسِم").offsets, 4, 4)).toEqual({ start: 6, end: 6 });
  });

  it("throws a RangeError for a range past the folded end", () => {
    expect(() => originalSpan(foldWithOffsets("ab").offsets, 0, 3)).toThrow(RangeError);
  });

  it("throws a RangeError for a reversed range", () => {
    expect(() => originalSpan(foldWithOffsets("ab").offsets, 2, 1)).toThrow(RangeError);
  });
});
