import { describe, expect, it } from "vitest";
import { textMatches } from "../textMatches.js";

describe("textMatches", () => {
  it("finds ناتو in حلف الناتو because the article is stripped from the haystack token", () => {
    expect(textMatches("حلف الناتو", "ناتو")).toBe(true);
  });

  it("finds Araji in Qasim al-Araji because the hyphen splits tokens", () => {
    expect(textMatches("Qasim al-Araji", "Araji")).toBe(true);
  });

  it("finds a partly typed last token as a prefix of a haystack token", () => {
    expect(textMatches("وزير الداخلية قاسم الأعرجي", "الأعر")).toBe(true);
  });

  it("finds a multi-word needle spelled differently from the haystack", () => {
    expect(textMatches("أكد وزير الداخلية قَاسِمٌ الأَعْرَجِيُّ اليوم", "قاسم الاعرجى")).toBe(true);
  });

  it("finds a needle carrying its own prefix in a haystack carrying another", () => {
    expect(textMatches("رحب بالناتو", "والناتو")).toBe(true);
  });

  it("requires every needle token but the last to equal a whole haystack token", () => {
    expect(textMatches("قاسم الأعرجي", "قاس الأعرجي")).toBe(false);
  });

  it("requires the needle tokens to be consecutive in the haystack", () => {
    expect(textMatches("قاسم محمد الأعرجي", "قاسم الأعرجي")).toBe(false);
  });

  it("does not find a needle that starts inside a haystack token", () => {
    expect([textMatches("الأعرجي", "عرجي"), textMatches("Loiseau", "seau")]).toEqual([false, false]);
  });

  it("finds the needle anywhere at a token boundary, not only at the start", () => {
    expect(textMatches("أعراق العراق", "عراق")).toBe(true);
  });

  it("matches nothing with an empty or punctuation-only needle", () => {
    expect([textMatches("الناتو", ""), textMatches("الناتو", " «» - ")]).toEqual([false, false]);
  });

  it("matches nothing in an empty haystack", () => {
    expect(textMatches("", "ناتو")).toBe(false);
  });

  it("ignores case and accents in Latin", () => {
    expect(textMatches("Rencontre avec M. MÜNSCH à Bagdad", "Münsch")).toBe(true);
  });

  it("finds Arabic-Indic digits with ASCII digits", () => {
    expect(textMatches("اتفاقية عام ٢٠٢٣", "2023")).toBe(true);
  });
});
