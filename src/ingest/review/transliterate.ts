// A plain letter-by-letter romanisation, good enough for a first slug and English name of a new
// actor; an editor corrects the English name later. Short vowels are not written in Arabic, so
// the result is consonantal ("محمد" → "mhmd") — predictable beats pretty for a slug.
const LETTERS: Record<string, string> = {
  ا: "a", أ: "a", إ: "i", آ: "a", ء: "", ؤ: "u", ئ: "i", ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh",
  د: "d", ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh", ص: "s", ض: "d", ط: "t", ظ: "z", ع: "", غ: "gh",
  ف: "f", ق: "q", ك: "k", ل: "l", م: "m", ن: "n", ه: "h", ة: "a", و: "w", ي: "y", ى: "a", ـ: "",
};

/** Arabic letters to Latin ones; anything else (Latin, digits, spaces) is kept. */
export function transliterate(arabic: string): string {
  return [...arabic.normalize("NFC")]
    .map((ch) => (ch in LETTERS ? LETTERS[ch] : /[\u064B-\u065F\u0670]/u.test(ch) ? "" : ch))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** A lowercase ASCII slug: letters and digits joined by single hyphens; never empty. */
export function slugify(text: string): string {
  const slug = transliterate(text).toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.length > 0 ? slug.slice(0, 80).replace(/-+$/, "") : "item";
}
