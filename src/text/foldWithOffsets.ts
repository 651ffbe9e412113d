import { clusterEnd } from "./clusterEnd.js";
import { foldCluster } from "./foldCluster.js";

/** Folded text plus, for every folded UTF-16 unit, where it came from in the original string. */
export interface FoldedText {
  /** Exactly `foldText(s)`. */
  text: string;
  /**
   * `offsets[i]` is the index in the original string of the cluster (base character plus its
   * combining marks) that produced folded unit `i`; `offsets[text.length] === s.length`.
   * Non-decreasing. Several folded units share an offset when one original character expands
   * (ligature "ﻻ" → "لا", or both halves of a surrogate pair).
   */
  offsets: number[];
}

/**
 * Same folding as `foldText`, also recording where each folded character came from, so a match
 * found in folded text can be mapped back to the exact original span (diacritics and tatweel
 * included) to highlight the real Arabic. Map a folded range with `originalSpan`, or directly as
 * `s.slice(offsets[a], offsets[b])` when `b` is not inside a one-to-many expansion.
 *
 * Removed characters (harakat, tatweel, controls) get no entry of their own: they fall inside the
 * span of the folded character before them, so a word's trailing "ٌ" is part of the word's span.
 */
export function foldWithOffsets(s: string): FoldedText {
  const n = s.length;
  let text = "";
  const offsets: number[] = [];
  let i = 0;
  while (i < n) {
    const end = clusterEnd(s, i);
    const folded = foldCluster(end === i + 1 ? s.charAt(i) : s.slice(i, end));
    text += folded;
    for (let k = 0; k < folded.length; k++) offsets.push(i);
    i = end;
  }
  offsets.push(n);
  return { text, offsets };
}
