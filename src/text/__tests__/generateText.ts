import { seededRandom } from "../../util/seededRandom.js";
export { seededRandom };

const ARABIC_LETTERS = [..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءؤئأإآٱٲٳةىیکۀے"];
const MARKS = [..."\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0653\u0654\u0655\u0670\u06e1\u0610\u08f0\u0301\u0308"];
const PREFIXES = ["و", "ال", "وال", "بال", "كال", "فال", "لل", "ب", "ل"];
const DIGITS = [..."0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"];
const LATIN = ["a", "b", "q", "Z", "é", "E\u0301", "ü", "Ç", "İ", "ß", "ʿ", "ʼ", "Ω"];
const INVISIBLE = [..."\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"];
const SEPARATORS = [" ", " ", " ", "\u00a0", "-", "'", "«", "»", "،", ".", "\n", "ـ", "ـــ", "(", "؟"];
const COMPATIBILITY = ["ﻻ", "ﺍ", "ﻟ", "ﻨ", "ﺗ", "ﻮ", "ﷲ", "ﷺ", "ﹰ", "ﺅ", "ﯼ", "ＮＡ", "ﬁ", "½", "⑴", "𝐀", "𝟏", "😀", "\u0675"];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("empty pool");
  return item;
}

function chaoticPiece(random: () => number): string {
  const r = random();
  if (r < 0.4) return pick(random, ARABIC_LETTERS);
  if (r < 0.55) return pick(random, MARKS);
  if (r < 0.6) return pick(random, PREFIXES);
  if (r < 0.66) return pick(random, DIGITS);
  if (r < 0.76) return pick(random, LATIN);
  if (r < 0.81) return pick(random, INVISIBLE);
  if (r < 0.95) return pick(random, SEPARATORS);
  return pick(random, COMPATIBILITY);
}

function word(random: () => number): string {
  const r = random();
  if (r < 0.1) return Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, DIGITS)).join("");
  if (r < 0.25) return Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(random, LATIN)).join("");
  let out = random() < 0.4 ? pick(random, PREFIXES) : "";
  const letters = 1 + Math.floor(random() * 7);
  for (let i = 0; i < letters; i++) {
    out += random() < 0.05 ? pick(random, COMPATIBILITY) : pick(random, ARABIC_LETTERS);
    if (random() < 0.35) out += pick(random, MARKS);
    if (random() < 0.08) out += "ـ";
    if (random() < 0.04) out += pick(random, INVISIBLE);
  }
  return out;
}

/**
 * A random string, half of the time words of Arabic (with attached prefixes, harakat, tatweel,
 * invisible controls, presentation forms), Latin and digits of three scripts between separators;
 * otherwise a chaotic mix of the same pieces (marks without bases, controls between marks, …).
 */
export function generateText(random: () => number, maxPieces = 40): string {
  const pieces = 1 + Math.floor(random() * maxPieces);
  let out = "";
  if (random() < 0.5) {
    for (let i = 0; i < pieces; i++) out += chaoticPiece(random);
    return out;
  }
  const words = 1 + Math.floor(random() * (maxPieces / 4));
  for (let i = 0; i < words; i++) out += (i === 0 ? "" : pick(random, SEPARATORS)) + word(random);
  return out;
}
