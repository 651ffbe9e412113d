import { contentHash } from "../record/storedText.js";
import { tokenize } from "../text/index.js";

/** A stored article as duplicate detection needs it. */
export interface StoredArticleText {
  slug: string;
  headline: string | null;
  body: string;
}

export interface Duplicate {
  kind: "EXACT" | "NEAR";
  slug: string;
  /** Jaccard similarity of token shingles (1 for an exact copy). */
  similarity: number;
}

/** Word 3-grams over normalised tokens: robust to re-punctuation, clitic spelling and diacritics. */
export function shingles(text: string, size = 3): Set<string> {
  const norms = tokenize(text).map((t) => t.norm);
  const out = new Set<string>();
  if (norms.length < size) {
    if (norms.length > 0) out.add(norms.join(" "));
    return out;
  }
  for (let i = 0; i + size <= norms.length; i++) out.add(norms.slice(i, i + size).join(" "));
  return out;
}

// A batch compares each text with every stored one: shingle each stored text once.
const shingleCache = new WeakMap<StoredArticleText, Set<string>>();
function storedShingles(s: StoredArticleText): Set<string> {
  let set = shingleCache.get(s);
  if (!set) shingleCache.set(s, (set = shingles(`${s.headline ?? ""}\n${s.body}`)));
  return set;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Threshold for "the same article again": syndicated copies with a changed intro or footer stay
 * well above it, while two outlets' own reports of one meeting (different wording) stay far below.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

/**
 * Stored texts indexed for duplicate checks: content hashes for exact copies, and an inverted index
 * from shingle to texts so a near-copy check only compares texts that share a shingle (a batch of
 * thousands stays linear in practice instead of comparing every pair).
 */
export class DuplicateIndex {
  private readonly hashes = new Map<string, string>();
  private readonly postings = new Map<string, string[]>();
  private readonly sizes = new Map<string, number>();

  constructor(stored: readonly StoredArticleText[] = []) {
    for (const s of stored) this.add(s);
  }

  add(s: StoredArticleText): void {
    this.hashes.set(contentHash({ headline: s.headline, body: s.body, removedLines: [] }), s.slug);
    const set = storedShingles(s);
    this.sizes.set(s.slug, set.size);
    for (const sh of set) {
      const list = this.postings.get(sh);
      if (list) list.push(s.slug);
      else this.postings.set(sh, [s.slug]);
    }
  }

  /** The stored article this text repeats, exactly (content hash) or nearly (shingle Jaccard), if any. */
  find(text: { headline: string | null; body: string }): Duplicate | null {
    const exact = this.hashes.get(contentHash({ headline: text.headline, body: text.body, removedLines: [] }));
    if (exact !== undefined) return { kind: "EXACT", slug: exact, similarity: 1 };
    const mine = shingles(`${text.headline ?? ""}\n${text.body}`);
    const shared = new Map<string, number>();
    for (const sh of mine) for (const slug of this.postings.get(sh) ?? []) shared.set(slug, (shared.get(slug) ?? 0) + 1);
    let best: Duplicate | null = null;
    for (const [slug, n] of shared) {
      const similarity = n / (mine.size + this.sizes.get(slug)! - n);
      if (similarity >= NEAR_DUPLICATE_THRESHOLD && (best === null || similarity > best.similarity)) best = { kind: "NEAR", slug, similarity };
    }
    return best;
  }
}

/** The stored article this text repeats, if any (see {@link DuplicateIndex}). */
export function findDuplicate(text: { headline: string | null; body: string }, stored: readonly StoredArticleText[] | DuplicateIndex): Duplicate | null {
  return (stored instanceof DuplicateIndex ? stored : new DuplicateIndex(stored)).find(text);
}
