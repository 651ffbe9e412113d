import { tokenize } from "../text/index.js";
import type { Span, Token } from "../text/index.js";
import type { SearchTerm } from "./SearchQuery.js";

/** Where the terms occur in an original text, and how many different terms do. */
export interface Highlights {
  spans: Span[];
  /** Number of distinct terms found at least once: how well this text answers the query. */
  termsFound: number;
}

function matchesAt(tokens: readonly Token[], at: number, term: SearchTerm): boolean {
  const last = term.tokens.length - 1;
  for (let k = 0; k <= last; k++) {
    const norm = tokens[at + k]?.norm;
    if (norm === undefined) return false;
    const wanted = term.tokens[k]!;
    if ((k === last && term.prefix) ? !norm.startsWith(wanted) : norm !== wanted) return false;
  }
  return true;
}

/**
 * Finds the terms in the ORIGINAL text with the same tokens the index was built from: `tokenize`
 * yields each word's normalised key (what FTS5 indexed) with its exact span in the original,
 * mapped back through `foldWithOffsets`/`originalSpan`. So a match on "ناتو" is reported as the
 * span of "والنَّاتـو" as written, harakat and tatweel included, and a phrase as one span from its
 * first word to its last. Spans are sorted; overlapping ones are merged.
 */
export function findHighlights(text: string, terms: readonly SearchTerm[]): Highlights {
  const tokens = tokenize(text);
  const found: Span[] = [];
  let termsFound = 0;
  for (const term of terms) {
    let hit = false;
    for (let at = 0; at + term.tokens.length <= tokens.length; at++) {
      if (!matchesAt(tokens, at, term)) continue;
      hit = true;
      found.push({ start: tokens[at]!.start, end: tokens[at + term.tokens.length - 1]!.end });
    }
    if (hit) termsFound++;
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Span[] = [];
  for (const span of found) {
    const previous = spans.at(-1);
    if (previous && span.start < previous.end) previous.end = Math.max(previous.end, span.end);
    else spans.push({ ...span });
  }
  return { spans, termsFound };
}
