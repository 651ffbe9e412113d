import { clusterEnd } from "./clusterEnd.js";
import { foldCluster } from "./foldCluster.js";
import { foldWithOffsets } from "./foldWithOffsets.js";
import { isCombiningMark } from "./isCombiningMark.js";
import { originalSpan } from "./originalSpan.js";
import { stemArabicToken } from "./stemArabicToken.js";
import { wordRuns } from "./wordRuns.js";

/** One word of a text, with its comparison key and its exact place in the original string. */
export interface Token {
  /** The original substring, diacritics and tatweel included: `s.slice(start, end)`. */
  text: string;
  /** Folded (`foldText`) and prefix-stemmed (`stemArabicToken`) key; never empty, never contains a space. */
  norm: string;
  /** UTF-16 index of the token's first character in the original string. */
  start: number;
  /** UTF-16 index just past the token (after the last letter's diacritics) in the original string. */
  end: number;
}

/** True for a character that folds to nothing on its own and is not a combining mark (tatweel, bidi/zero-width controls). */
function isTrailingFiller(s: string, index: number): boolean {
  const unit = s.charCodeAt(index);
  if (unit >= 0xd800 && unit <= 0xdfff) return false;
  if (isCombiningMark(unit)) return false;
  return clusterEnd(s, index) === index + 1 && foldCluster(s.charAt(index)) === "";
}

/**
 * Splits text into words, Arabic and Latin alike: maximal runs of letters and digits
 * (`\p{L}\p{N}`) after folding, so harakat, Quranic marks, tatweel and invisible controls inside
 * a word do not split it ("الناتـــو", "قَاسِم" are one word each). Every other character splits,
 * including hyphens and apostrophes: "al-Araji" → "al", "araji" and "O'Brien" → "o", "brien";
 * queries are tokenised the same way, so "Araji", "al-Araji" and "al Araji" all find it.
 * Letters and digits are not split from each other ("2023م" is one token).
 *
 * Spans start at the first character that survives folding (a leading tatweel, bidi mark or
 * transliteration ʿ is left out) and end after the last letter's diacritics; trailing tatweel and
 * bidi controls are left out too.
 * Tokens never overlap: folding never turns one original character into several words.
 */
export function tokenize(s: string): Token[] {
  const { text: folded, offsets } = foldWithOffsets(s);
  const tokens: Token[] = [];
  for (const run of wordRuns(folded)) {
    const span = originalSpan(offsets, run.start, run.end);
    const start = span.start;
    let end = span.end;
    while (end - 1 > start && isTrailingFiller(s, end - 1)) end--;
    tokens.push({ text: s.slice(start, end), norm: stemArabicToken(folded.slice(run.start, run.end)), start, end });
  }
  return tokens;
}
