/** A span of a surface form in a text. */
export interface Span {
  start: number;
  end: number;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}\u0640]/u;
// Clitics Arabic attaches to a name: conjunctions و ف, then prepositions ب ك ل.
const CLITICS = new Set(["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"]);
// ل before the article ال drops the alef: ل + الناتو is written للناتو.
const LAM_CLITICS = new Set(["", "و", "ف"]);

const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function wordStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && isWordChar(text[start - 1])) start -= 1;
  return start;
}

/**
 * Every place `surface` stands in `text` as a whole word, allowing the clitics Arabic attaches in
 * front (و ف ب ك ل and their pairs; ل+ال as لل). The span covers the name itself ("بالعراق" →
 * "العراق"), or the whole word where the clitic fused into it ("للعراق").
 */
export function findSurface(text: string, surface: string): Span[] {
  if (surface.length === 0) return [];
  const spans: Span[] = [];
  const endsWord = (end: number) => !isWordChar(surface.at(-1)) || !isWordChar(text[end]);
  for (const at of occurrences(text, surface)) {
    const end = at + surface.length;
    if (!endsWord(end)) continue;
    const prefix = isWordChar(surface[0]) ? text.slice(wordStart(text, at), at) : "";
    if (prefix === "" || CLITICS.has(prefix)) spans.push({ start: at, end });
  }
  if (surface.startsWith("ال") && surface.length > 3) {
    const fused = `لل${surface.slice(2)}`;
    for (const at of occurrences(text, fused)) {
      const end = at + fused.length;
      const start = wordStart(text, at);
      if (endsWord(end) && LAM_CLITICS.has(text.slice(start, at))) spans.push({ start: at, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
