/** A half-open range `[start, end)` of UTF-16 indices into the original string. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Maps the folded range `[foldedStart, foldedEnd)` of a `foldWithOffsets` result back to the
 * original string: start at the cluster that produced the first folded unit, end just before the
 * next folded unit that came from a different cluster. So the span includes the last letter's
 * diacritics and any tatweel inside it, and never cuts an expanded character (e.g. "ﻻ") in half.
 *
 * Why a helper: `offsets[foldedEnd]` alone would be wrong when the range ends inside an expansion
 * (the last "ل" of "ﻻ" → "لا" shares its offset with the "ا"). Throws RangeError on a range outside
 * `[0, offsets.length - 1]` or with `foldedStart > foldedEnd`.
 */
export function originalSpan(offsets: readonly number[], foldedStart: number, foldedEnd: number): Span {
  const last = offsets.length - 1;
  if (!(Number.isInteger(foldedStart) && Number.isInteger(foldedEnd) && 0 <= foldedStart && foldedStart <= foldedEnd && foldedEnd <= last)) {
    throw new RangeError(`Folded range [${foldedStart}, ${foldedEnd}) is outside [0, ${last}].`);
  }
  const start = offsets[foldedStart] ?? 0;
  if (foldedEnd === foldedStart) return { start, end: start };
  const lastSource = offsets[foldedEnd - 1] ?? 0;
  let k = foldedEnd;
  // Terminates: offsets[last] is the original length, larger than any source index.
  while (k < last && offsets[k] === lastSource) k++;
  return { start, end: offsets[k] ?? start };
}
