/** A sentence of a text with its span. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits at sentence ends (. ! ؟ ؛ and line breaks). A full stop between digits ("1.5") does not
 * end a sentence. Spans are trimmed, so `text === original.slice(start, end)`.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const flush = (to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const end = c === "\n" || c === "!" || c === "؟" || c === "؛" || (c === "." && !(/\d/u.test(text[i - 1] ?? "") && /\d/u.test(text[i + 1] ?? "")));
    if (end) {
      flush(c === "\n" ? i : i + 1);
      from = i + 1;
    }
  }
  flush(text.length);
  return out;
}
