import { describe, expect, it } from "vitest";
import { foldText } from "../foldText.js";

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let cp = from; cp <= to; cp++) out.push(cp);
  return out;
}

describe("foldText", () => {
  it("folds every hamza-on-alef, madda, wasla and wavy-hamza alef to a bare alef", () => {
    expect(foldText("أ إ آ ٱ ٲ ٳ ا")).toBe("ا ا ا ا ا ا ا");
  });

  it("folds teh marbuta to heh", () => {
    expect(foldText("البعثة")).toBe("البعثه");
  });

  it("folds alef maksura and Persian yeh to Arabic yeh", () => {
    expect(foldText("فى علی")).toBe("في علي");
  });

  it("folds Persian keheh to Arabic kaf", () => {
    expect(foldText("کردستان")).toBe("كردستان");
  });

  it("keeps waw-with-hamza, yeh-with-hamza and the lone hamza exactly as Lucene does", () => {
    expect(foldText("مؤتمر رئيس ماء")).toBe("مؤتمر رئيس ماء");
  });

  it("keeps waw-with-hamza and yeh-with-hamza when they are written decomposed", () => {
    expect(foldText("مو\u0654تمر ري\u0654يس")).toBe("مؤتمر رئيس");
  });

  it("folds a decomposed alef plus hamza or madda to a bare alef", () => {
    expect(foldText("ا\u0654 ا\u0655 ا\u0653")).toBe("ا ا ا");
  });

  it("removes the harakat, shadda and sukun", () => {
    expect(foldText("قَاسِمٌ الأَعْرَجِيُّ")).toBe("قاسم الاعرجي");
  });

  it("removes the dagger alef", () => {
    expect(foldText("هٰذا")).toBe("هذا");
  });

  it("removes Quranic annotation marks", () => {
    expect(foldText("ٱلۡحَمۡدُ لِلَّهِ رَبِّ ٱلۡعَٰلَمِينَ")).toBe("الحمد لله رب العلمين");
  });

  it("removes every code point of the specified diacritic ranges between two letters", () => {
    const cps = [...range(0x0610, 0x061a), ...range(0x064b, 0x065f), 0x0670, ...range(0x06d6, 0x06ed)];
    const kept = cps.filter((cp) => foldText(`ب${String.fromCodePoint(cp)}ت`) !== "بت");
    expect(kept).toEqual([]);
  });

  it("removes tatweel however long the stretch is", () => {
    expect(foldText("الأعـــرجي الناتـو")).toBe("الاعرجي الناتو");
  });

  it("turns Arabic-Indic and Extended Arabic-Indic digits into ASCII digits", () => {
    expect(foldText("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789 0123456789");
  });

  it("lowercases Latin and strips its accents", () => {
    expect(foldText("LOISEAU Münsch ÀÉÎÕÜ Ç")).toBe("loiseau munsch aeiou c");
  });

  it("strips accents written as separate combining marks", () => {
    expect(foldText("Mu\u0308nsch E\u0301")).toBe("munsch e");
  });

  it("lowercases a dotted capital I to a plain i", () => {
    expect(foldText("İstanbul")).toBe("istanbul");
  });

  it("lowercases and de-accents other non-Arabic scripts too", () => {
    expect(foldText("ΆΘΗΝΑ")).toBe("αθηνα");
  });

  it("removes every bidi and zero-width control", () => {
    const controls = [0x00ad, 0x061c, ...range(0x200b, 0x200f), ...range(0x202a, 0x202e), ...range(0x2060, 0x2064), ...range(0x2066, 0x2069), 0xfeff];
    const kept = controls.filter((cp) => foldText(`a${String.fromCodePoint(cp)}b`) !== "ab");
    expect(kept).toEqual([]);
  });

  it("removes the transliteration letters for ayn and hamza", () => {
    expect(foldText("ʿAbd ʾAmir Qurʼan Hawaiʻi")).toBe("abd amir quran hawaii");
  });

  it("applies NFKC to Arabic presentation forms", () => {
    expect(foldText("ﺍﻟﻨﺎﺗﻮ ﺃﺭﺑﻴﻞ")).toBe("الناتو اربيل");
  });

  it("expands the lam-alef and Allah ligatures", () => {
    expect(foldText("ﻻ ﻷ ﷲ")).toBe("لا لا الله");
  });

  it("applies NFKC to full-width Latin, Latin ligatures and mathematical letters", () => {
    expect(foldText("ＮＡＴＯ ﬁle 𝐀𝐁")).toBe("nato file ab");
  });

  it("turns a no-break space into a plain space", () => {
    expect(foldText("قاسم\u00a0الأعرجي")).toBe("قاسم الاعرجي");
  });

  it("keeps a phrase ligature whose NFKC form would contain spaces", () => {
    expect(foldText("محمد ﷺ")).toBe("محمد ﷺ");
  });

  it("keeps a character whose NFKC form would mix word and non-word characters", () => {
    expect(foldText("½ ℅ ⑴")).toBe("½ ℅ ⑴");
  });

  it("applies NFKC to punctuation and spaces that stay punctuation and spaces", () => {
    expect(foldText("… ‼")).toBe("... !!");
  });

  it("removes the isolated harakat presentation forms", () => {
    expect(foldText("ب\ufe70\ufe72\ufe7eت")).toBe("بت");
  });

  it("keeps spaces, punctuation and emoji untouched", () => {
    expect(foldText("«الأعرجي»، (NATO)! 😀\n")).toBe("«الاعرجي»، (nato)! 😀\n");
  });

  it("returns the empty string for the empty string", () => {
    expect(foldText("")).toBe("");
  });

  it("is idempotent on a mixed sample", () => {
    const once = foldText("«قَاسِم الأعـــرجى» ﻻ ﷲ Münsch ٢٠٢٣ \u200fکی");
    expect(once).toBe("«قاسم الاعرجي» لا الله munsch 2023 كي");
    expect(foldText(once)).toBe(once);
  });
});
