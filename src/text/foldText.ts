import { clusterEnd } from "./clusterEnd.js";
import { foldCluster } from "./foldCluster.js";

/**
 * Character-level folding used everywhere Arabic/Latin text is compared.
 *
 * - Arabic, after Lucene's ArabicNormalizer (apache/lucene,
 *   lucene/analysis/common/src/java/org/apache/lucene/analysis/ar/ArabicNormalizer.java):
 *   أ إ آ (and ٱ ٲ ٳ) → ا, ة → ه, ى → ي; harakat, Quranic marks (U+0610–U+061A, U+064B–U+065F,
 *   U+0670, U+06D6–U+06ED, U+08xx marks) and tatweel U+0640 removed.
 * - ؤ and ئ are kept as they are (as in Lucene): they are genuine spelling, not orthographic noise.
 * - Persian/Urdu ی → ي and ک → ك; Arabic-Indic ٠–٩ and Extended Arabic-Indic ۰–۹ → 0–9.
 * - NFKC per cluster where it cannot split one character into several words (presentation forms,
 *   ligatures like ﻻ → لا, ﷲ → الله, full-width Latin, NBSP → space; but ﷺ and ½ stay as they are).
 * - Latin (and other non-Arabic scripts) lowercased, then NFD with nonspacing marks removed.
 * - Invisible controls removed: U+00AD, U+061C, U+200B–U+200F, U+202A–U+202E, U+2060–U+2064,
 *   U+2066–U+2069, U+FEFF; so are the transliteration letters ʻ ʼ ʾ ʿ.
 *
 * Everything else (spaces, punctuation, other letters) is kept, so word boundaries survive.
 * Idempotent: `foldText(foldText(s)) === foldText(s)`. Always equal to `foldWithOffsets(s).text`.
 */
export function foldText(s: string): string {
  const n = s.length;
  let out = "";
  let i = 0;
  while (i < n) {
    const end = clusterEnd(s, i);
    out += foldCluster(end === i + 1 ? s.charAt(i) : s.slice(i, end));
    i = end;
  }
  return out;
}
