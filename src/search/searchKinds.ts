import type { SearchType } from "../generated/graphql.js";

/**
 * The kind code of each searchable record in "SearchIndex" rowids (rowid = id * 8 + code), as the
 * migration's triggers write them. Three bits leave room for more kinds (places) without
 * renumbering a built index.
 */
export const SEARCH_KIND_CODES: Readonly<Record<SearchType, number>> = { ACTOR: 1, ARTICLE: 2, MEETING: 3, TOPIC: 4 };

/** Every kind, in the order `types` defaults to. */
export const SEARCH_TYPES: readonly SearchType[] = ["ARTICLE", "ACTOR", "MEETING", "TOPIC"];

const BY_CODE = new Map(Object.entries(SEARCH_KIND_CODES).map(([type, code]) => [code, type as SearchType]));

/** The index rowid of one record. */
export function searchDocid(type: SearchType, id: number): number {
  return id * 8 + SEARCH_KIND_CODES[type];
}

/** The record an index rowid stands for. */
export function fromSearchDocid(docid: number): { type: SearchType; id: number } {
  const type = BY_CODE.get(docid % 8);
  if (!type) throw new Error(`SearchIndex rowid ${docid} has no kind: the index was written by something other than its triggers.`);
  return { type, id: Math.floor(docid / 8) };
}
