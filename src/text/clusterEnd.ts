import { isCombiningMark } from "./isCombiningMark.js";

/**
 * Index just past the cluster that starts at `start`: one code point (a surrogate pair counts as
 * one) followed by every combining mark after it. A run of marks with no base (at the start of the
 * string or after a space) forms a cluster of its own.
 *
 * Why: this is the unit that `foldCluster` folds and that offsets point at, shared by
 * `foldText` and `foldWithOffsets` so the two can never disagree.
 */
export function clusterEnd(s: string, start: number): number {
  const n = s.length;
  const first = s.codePointAt(start) ?? 0;
  let end = start + (first > 0xffff ? 2 : 1);
  while (end < n) {
    const cp = s.codePointAt(end) ?? 0;
    if (!isCombiningMark(cp)) break;
    end += cp > 0xffff ? 2 : 1;
  }
  return Math.min(end, n);
}
