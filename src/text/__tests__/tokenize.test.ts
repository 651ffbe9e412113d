import { describe, expect, it } from "vitest";
import { tokenize } from "../tokenize.js";

describe("tokenize", () => {
  it("splits an Arabic sentence into words with folded, stemmed keys and exact offsets", () => {
    expect(tokenize("قال قاسم الأعرجي، وزير الداخلية")).toEqual([
      { text: "قال", norm: "قال", start: 0, end: 3 },
      { text: "قاسم", norm: "قاسم", start: 4, end: 8 },
      { text: "الأعرجي", norm: "اعرجي", start: 9, end: 16 },
      { text: "وزير", norm: "زير", start: 18, end: 22 },
      { text: "الداخلية", norm: "داخليه", start: 23, end: 31 },
    ]);
  });

  it("keeps diacritics inside the token text, including the last letter's tanween and shadda", () => {
    expect(tokenize("قَاسِمٌ الأَعْرَجِيُّ")).toEqual([
      { text: "قَاسِمٌ", norm: "قاسم", start: 0, end: 7 },
      { text: "الأَعْرَجِيُّ", norm: "اعرجي", start: 8, end: 21 },
    ]);
  });

  it("does not split a word at tatweel", () => {
    expect(tokenize("حلف الناتـــو")).toEqual([
      { text: "حلف", norm: "حلف", start: 0, end: 3 },
      { text: "الناتـــو", norm: "ناتو", start: 4, end: 13 },
    ]);
  });

  it("leaves guillemets and Arabic punctuation out of the tokens", () => {
    expect(tokenize("«الأعرجي»،")).toEqual([{ text: "الأعرجي", norm: "اعرجي", start: 1, end: 8 }]);
  });

  it("splits a Latin name at its hyphen", () => {
    expect(tokenize("Qasim al-Araji")).toEqual([
      { text: "Qasim", norm: "qasim", start: 0, end: 5 },
      { text: "al", norm: "al", start: 6, end: 8 },
      { text: "Araji", norm: "araji", start: 9, end: 14 },
    ]);
  });

  it("splits a Latin name at its apostrophe", () => {
    expect(tokenize("O'Brien’s")).toEqual([
      { text: "O", norm: "o", start: 0, end: 1 },
      { text: "Brien", norm: "brien", start: 2, end: 7 },
      { text: "s", norm: "s", start: 8, end: 9 },
    ]);
  });

  it("keeps a transliterated ayn out of the key and starts the span at the first surviving letter", () => {
    expect(tokenize("ʿAbd Qurʼan")).toEqual([
      { text: "Abd", norm: "abd", start: 1, end: 4 },
      { text: "Qurʼan", norm: "quran", start: 5, end: 11 },
    ]);
  });

  it("leaves bidi marks around a word out of its span", () => {
    expect(tokenize("\u200fالناتو\u200f.")).toEqual([{ text: "الناتو", norm: "ناتو", start: 1, end: 7 }]);
  });

  it("does not split a word at a bidi mark or zero-width non-joiner inside it", () => {
    expect(tokenize("الأعر\u200fجي می\u200cخواهم")).toEqual([
      { text: "الأعر\u200fجي", norm: "اعرجي", start: 0, end: 8 },
      { text: "می\u200cخواهم", norm: "ميخواهم", start: 9, end: 17 },
    ]);
  });

  it("leaves trailing tatweel out of the span", () => {
    expect(tokenize("الناتوـــ ")).toEqual([{ text: "الناتو", norm: "ناتو", start: 0, end: 6 }]);
  });

  it("folds digits of every script and keeps letters and digits together", () => {
    expect(tokenize("عام ٢٠٢٣ و2023م")).toEqual([
      { text: "عام", norm: "عام", start: 0, end: 3 },
      { text: "٢٠٢٣", norm: "2023", start: 4, end: 8 },
      { text: "و2023م", norm: "2023م", start: 9, end: 15 },
    ]);
  });

  it("spans a whole presentation-form ligature", () => {
    expect(tokenize("ﻻريجاني")).toEqual([{ text: "ﻻريجاني", norm: "لاريجاني", start: 0, end: 7 }]);
  });

  it("keeps a character whose NFKC form would contain a word boundary as one token", () => {
    expect(tokenize("½ كؤ½̈ا")).toEqual([
      { text: "½", norm: "½", start: 0, end: 1 },
      { text: "كؤ½̈ا", norm: "كؤ½ا", start: 2, end: 7 },
    ]);
  });

  it("treats a phrase ligature that NFKC would split into words as one token", () => {
    expect(tokenize("ﷺ")).toEqual([{ text: "ﷺ", norm: "ﷺ", start: 0, end: 1 }]);
  });

  it("returns no tokens for empty, blank or punctuation-only input", () => {
    expect([tokenize(""), tokenize("  \n\t"), tokenize("«»، - ؟"), tokenize("ـــ َ \u200f")]).toEqual([[], [], [], []]);
  });

  it("gives tokens whose text is exactly the original substring at their offsets", () => {
    const s = "أكد «قَاسِمٌ الأعـــرجى» أن حلف\u00a0الناتو والاتحاد الأوروبي (Münsch, al-Araji) ٢٠٢٣\u200f.";
    const tokens = tokenize(s);
    expect(tokens.map((t) => t.text)).toEqual(["أكد", "قَاسِمٌ", "الأعـــرجى", "أن", "حلف", "الناتو", "والاتحاد", "الأوروبي", "Münsch", "al", "Araji", "٢٠٢٣"]);
    expect(tokens.every((t) => s.slice(t.start, t.end) === t.text)).toBe(true);
  });
});
