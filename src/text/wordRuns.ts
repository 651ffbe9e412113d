import type { Span } from "./originalSpan.js";

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * The words of an already-folded string: maximal runs of letters, digits and (surviving)
 * combining marks, as ranges into the folded string. Everything else separates words, including
 * hyphens and apostrophes ("al-araji" → "al", "araji"; "o'brien" → "o", "brien").
 *
 * Why on folded text: folding has already deleted harakat, tatweel and invisible controls, so
 * they can no longer split a word; shared by `tokenize` and `normalizeForSearch` so both always
 * see the same words.
 */
export function wordRuns(folded: string): Span[] {
  const runs: Span[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m !== null; m = WORD.exec(folded)) {
    runs.push({ start: m.index, end: m.index + m[0].length });
  }
  return runs;
}
