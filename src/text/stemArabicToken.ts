/*
 * Light prefix stemming after Light10 (Larkey, Ballesteros & Connell, "Light Stemming for Arabic
 * Information Retrieval", 2007) and Lucene's ArabicStemmer (apache/lucene,
 * lucene/analysis/common/src/java/org/apache/lucene/analysis/ar/ArabicStemmer.java), whose prefix
 * list is ال وال بال كال فال لل و with "wa- requires at least 3 characters" left and "other
 * prefixes require only 2". Differences from Lucene, on purpose:
 *   - Light10 order: a leading و is removed first, then one article, so "وللناتو" and "وبالناتو"
 *     reach "ناتو" (Lucene removes only one prefix and would leave "للناتو").
 *   - No suffix stripping: names must stay apart ("السوداني" al-Sudani ≠ "السودان" Sudan,
 *     "الشمري" ≠ "الشمر").
 */

const WAW = 0x0648;

/** Article-bearing prefixes; none is a prefix of another, so order does not matter. */
const ARTICLES: readonly string[] = [
  "\u0648\u0627\u0644", // وال
  "\u0628\u0627\u0644", // بال
  "\u0643\u0627\u0644", // كال
  "\u0641\u0627\u0644", // فال
  "\u0627\u0644", // ال
  "\u0644\u0644", // لل
];

/**
 * Strips attached Arabic prefixes from one already-folded token (see `foldText`):
 * 1. a leading conjunction و when at least 3 letters remain ("والناتو" → "الناتو", "وبغداد" → "بغداد");
 * 2. then one of ال وال بال كال فال لل when at least 2 letters remain
 *    ("الناتو", "بالناتو", "للناتو", "فالناتو", "كالناتو", "وللناتو" → "ناتو").
 *
 * Bare ب ك ل ف are never stripped: they begin too many names ("بغداد", "لويزو", "بروكسل",
 * "فنلندا", "كردستان"), so precision wins over recall. Trade-offs, all applied identically at
 * index and query time:
 * - Words that really start with و lose it ("وزارة" → "زاره", "وليد" → "ليد"), so they still match
 *   each other, but "الوزارة" → "وزاره" and "ووزارة" → "وزاره" do not match "وزارة".
 * - "لبغداد" / "ببغداد" keep their preposition and do not match "بغداد".
 * - Words that really start with an article-like sequence are cut ("بالون" → "ون", "الله" → "له").
 * - "للواء" (li + al + liwa') becomes "واء" while "اللواء" becomes "لواء" (Light10 limitation).
 * Latin and other non-Arabic tokens pass through unchanged (no prefix can match them).
 * Not idempotent (stem once, from the original text; never re-stem a key).
 */
export function stemArabicToken(token: string): string {
  let t = token;
  if (t.length >= 4 && t.charCodeAt(0) === WAW) t = t.slice(1);
  for (const prefix of ARTICLES) {
    if (t.length >= prefix.length + 2 && t.startsWith(prefix)) return t.slice(prefix.length);
  }
  return t;
}
