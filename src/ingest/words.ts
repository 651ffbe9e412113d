import { foldText, tokenize } from "../text/index.js";

/** A word of the text with its folded form, for rule matching. */
export interface Word {
  text: string;
  /** `foldText(text)`: hamza, ة, ى and diacritics folded. */
  fold: string;
  start: number;
  end: number;
  /** True when punctuation that ends a phrase (، , . : ؛ ! ؟ ( ) newline) stands right before this word. */
  breakBefore: boolean;
  /** True when a quotation mark or guillemet stands right before this word. */
  quoteBefore: boolean;
}

const PHRASE_BREAK = /[،,.:;؛!؟()[\]\n]/u;
const QUOTE = /[«»"“”]/u;

export function words(text: string): Word[] {
  let prevEnd = 0;
  return tokenize(text).map((t) => {
    const w = { text: t.text, fold: foldText(t.text), start: t.start, end: t.end, breakBefore: prevEnd > 0 && PHRASE_BREAK.test(text.slice(prevEnd, t.start)), quoteBefore: QUOTE.test(text.slice(prevEnd, t.start)) };
    prevEnd = t.end;
    return w;
  });
}

/** A vocabulary compared folded, so lists can be written in ordinary spelling. */
export function foldedSet(list: readonly string[]): Set<string> {
  return new Set(list.map((w) => foldText(w)));
}

/**
 * The word without attached conjunction/preposition (و ف ل ب, then ال): the forms under which a
 * title or trigger word appears ("ولرئيس" → "رئيس", "والسفير" → "السفير" kept with its article).
 */
export function withoutClitics(fold: string): string[] {
  const forms = [fold];
  let w = fold;
  if (/^[وف]/u.test(w) && w.length > 3) forms.push((w = w.slice(1)));
  if (/^[لب]/u.test(w) && w.length > 3 && !w.startsWith("ال")) forms.push(w.slice(1));
  if (w.startsWith("لل") && w.length > 4) forms.push(`ال${w.slice(2)}`);
  return forms;
}

export function isIn(set: ReadonlySet<string>, fold: string): boolean {
  return withoutClitics(fold).some((f) => set.has(f));
}
