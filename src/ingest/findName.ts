import { findSurface } from "../record/findSurface.js";
import { foldText, foldWithOffsets, originalSpan } from "../text/index.js";
import type { FoldedText } from "../text/index.js";

export interface NameSpan {
  start: number;
  end: number;
}

/**
 * Folded text of one field, computed once per article: names are compared after folding
 * (hamza forms, ة/ه, ى/ي, diacritics, tatweel) so "الأعرجى" in an Egyptian headline finds "الأعرجي".
 */
export function foldField(text: string): FoldedText {
  return foldWithOffsets(text);
}

/**
 * Every whole-word occurrence of `name` in the original text, with the clitics findSurface allows
 * (و ف ب ك ل, لل for ل+ال), compared folded, returned as spans of the original text. Quotes and
 * guillemets are not word characters, so «الأعرجي» is found too.
 */
export function findName(folded: FoldedText, name: string): NameSpan[] {
  const needle = foldText(name).trim();
  if (needle.length < 2) return [];
  return findSurface(folded.text, needle).map((s) => originalSpan(folded.offsets, s.start, s.end));
}

/** Keeps the longest of overlapping spans (earliest first on ties), as the curated record does. */
export function longestFirst<T extends NameSpan>(spans: readonly T[]): T[] {
  const sorted = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const s of sorted) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}
