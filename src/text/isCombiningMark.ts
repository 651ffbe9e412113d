const MARK = /^\p{M}$/u;

/** 0 = not looked up yet, 1 = combining mark, 2 = not a mark. Filled lazily, one regex test per BMP code point ever. */
const BMP_MARKS = new Uint8Array(0x10000);
const ASTRAL_MARKS = new Map<number, boolean>();

/**
 * True when the code point is a Unicode combining mark (general category M: Mn, Mc, Me).
 *
 * Why: folding works on clusters (a base character plus the marks that follow it) so that
 * NFKC can compose e.g. `و` + U+0654 into `ؤ`, and so that a folded letter's offset points at its
 * base while its diacritics stay inside the original span. The answer is memoised so hot loops
 * never run a regex twice for the same code point.
 */
export function isCombiningMark(codePoint: number): boolean {
  if (codePoint < 0x0300) return false;
  if (codePoint < 0x10000) {
    const known = BMP_MARKS[codePoint];
    if (known === 1) return true;
    if (known === 2) return false;
    const mark = MARK.test(String.fromCharCode(codePoint));
    BMP_MARKS[codePoint] = mark ? 1 : 2;
    return mark;
  }
  let mark = ASTRAL_MARKS.get(codePoint);
  if (mark === undefined) {
    mark = MARK.test(String.fromCodePoint(codePoint));
    ASTRAL_MARKS.set(codePoint, mark);
  }
  return mark;
}
