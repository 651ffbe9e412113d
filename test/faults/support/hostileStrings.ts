import fc from "fast-check";

// Characters chosen to break text code: Arabic letters, harakat, tatweel, alef and hamza forms,
// Latin with accents, digits of three scripts, bidi and zero-width controls, C0/C1 controls,
// surrogate halves on their own, emoji (astral), combining marks, and ASCII punctuation.
const PIECES = [
  "ا", "أ", "إ", "آ", "ء", "ؤ", "ئ", "ة", "ه", "ى", "ي", "ل", "ال", "و", "ب", "ك", "ف", "قاسم", "الأعرجي", "حلف", "الناتو",
  "\u064b", "\u064e", "\u0651", "\u0670", "\u0640", "ﻻ", "ﷲ", "é", "Æ", "ß", "İ", "ǅ", "Qasim", "al-Araji", "O'Brien",
  "0", "٣", "۴", "\u200e", "\u200f", "\u202b", "\u202c", "\u2066", "\u200b", "\u200d", "\ufeff", "\u0000", "\u0007", "\u001b",
  "\u0085", "\u009f", "\ud800", "\udc00", "\udbff\udfff", "😀", "👩‍👩‍👧", "\u0301", "\u20dd", " ", "\t", "\n", "\r\n", "-", "«", "»", "\"", "\\", "%", "_",
];

/** Strings mixing scripts, marks, controls and broken surrogates, up to `maxLength` pieces. */
export function hostileString(maxLength = 40): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: "binary", maxLength: 4 })), { maxLength }).map((parts) => parts.join(""));
}

/** Any UTF-16 sequence at all, lone surrogates included. */
export function anyUtf16(maxLength = 60): fc.Arbitrary<string> {
  return fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((units) => String.fromCharCode(...units));
}
