import type { SearchField } from "../generated/graphql.js";
import type { Span } from "../text/index.js";
import { findHighlights } from "./findHighlights.js";
import type { SearchTerm } from "./SearchQuery.js";

/** One original text of a hit that a snippet may quote. */
export interface SnippetSource {
  field: SearchField;
  text: string;
}

/** The `Snippet` type's value: an excerpt of `source.text` and highlights relative to it. */
export interface SnippetRow {
  field: SearchField;
  text: string;
  start: number;
  end: number;
  highlights: Span[];
}

const SPACE = /\s/u;

/**
 * The window of at most `maxLength` units holding the most spans (the earliest such), with about a
 * fifth of it as context before the first, snapped to spaces. A single match longer than
 * `maxLength` (a long phrase) is returned whole rather than cut.
 */
function window(text: string, spans: readonly Span[], maxLength: number): Span {
  if (text.length <= maxLength) return { start: 0, end: text.length };
  if (spans.length === 0) return snap(text, 0, maxLength, null);
  const lead = Math.floor(maxLength / 5);
  let best: { start: number; count: number; keep: Span } | null = null;
  for (const [i, span] of spans.entries()) {
    if (span.end - span.start > maxLength) {
      if (!best) best = { start: span.start, count: 1, keep: span };
      continue;
    }
    // Starts before the span, early enough to end after it, and never past the text's end.
    const start = Math.max(Math.min(span.start - lead, text.length - maxLength), span.end - maxLength, 0);
    let count = 0;
    let end = span.end;
    for (const other of spans.slice(i)) {
      if (other.end > start + maxLength) break;
      count++;
      end = other.end;
    }
    if (!best || count > best.count) best = { start, count, keep: { start: span.start, end } };
  }
  const { start, keep } = best!;
  if (keep.end - keep.start > maxLength) return keep;
  return snap(text, start, start + maxLength, keep);
}

/**
 * Moves a cut that falls inside a word to the nearest space inward (never past the highlighted
 * words to keep), so an excerpt never starts or ends in the middle of a word, a surrogate pair or
 * a letter's diacritics; then trims the spaces at either end.
 */
function snap(text: string, start: number, end: number, keep: Span | null): Span {
  let s = start;
  if (s > 0 && !SPACE.test(text[s - 1]!)) {
    const limit = keep ? keep.start : end;
    let k = s;
    while (k < limit && !SPACE.test(text[k]!)) k++;
    s = k < limit ? k : keep ? keep.start : s;
  }
  let e = end;
  if (e < text.length && !SPACE.test(text[e]!)) {
    const limit = keep ? keep.end : s;
    let k = e;
    while (k > limit && !SPACE.test(text[k - 1]!)) k--;
    e = k > limit ? k : keep ? keep.end : e;
  }
  while (s < e && SPACE.test(text[s]!)) s++;
  while (e > s && SPACE.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/**
 * The snippet of a hit: the source text where most distinct query terms occur (sources are in
 * order of preference, which breaks ties), cut to a window of at most `maxLength` UTF-16 units
 * around the densest run of matches. `text` is always a verbatim substring of the original field,
 * `source.slice(start, end)`, and each highlight is the original text of one match (a word with
 * its attached prefixes and diacritics, or a whole phrase).
 *
 * A hit can match in the index without any highlight (a phrase spanning two aliases, which the
 * index stores end to end); the first non-empty source is quoted then, unmarked.
 */
export function buildSnippet(sources: readonly SnippetSource[], terms: readonly SearchTerm[], maxLength: number): SnippetRow {
  let chosen: { source: SnippetSource; spans: Span[] } | null = null;
  let bestFound = 0;
  for (const source of sources) {
    if (source.text.length === 0) continue;
    const { spans, termsFound } = findHighlights(source.text, terms);
    if (!chosen || termsFound > bestFound) {
      chosen = { source, spans: termsFound > 0 ? spans : [] };
      bestFound = termsFound;
    }
  }
  if (!chosen) return { field: sources[0]?.field ?? "NAME", text: "", start: 0, end: 0, highlights: [] };
  const { source, spans } = chosen;
  const cut = window(source.text, spans, maxLength);
  return {
    field: source.field,
    text: source.text.slice(cut.start, cut.end),
    start: cut.start,
    end: cut.end,
    highlights: spans.filter((span) => span.start >= cut.start && span.end <= cut.end).map((span) => ({ start: span.start - cut.start, end: span.end - cut.start })),
  };
}
