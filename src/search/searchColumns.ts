import { normalizeForSearch } from "../text/index.js";

/**
 * Each indexed text column and the shadow column holding its normalised form, per Prisma model.
 * One shadow per source column, so any write that sets a source column can set its shadow from
 * the write's own data, without reading the row (and so inside whatever transaction it runs in).
 * Actor.searchText and Topic.searchText are not here: they combine several rows (names plus
 * aliases, names plus keywords) and are written by the record planner (src/record/planRecord.ts).
 */
export const SEARCH_COLUMNS = {
  article: { headline: "searchHeadline", body: "searchBody" },
  meeting: { summaryAr: "searchSummaryAr", summaryEn: "searchSummaryEn" },
} as const;

export type SearchModel = keyof typeof SEARCH_COLUMNS;

/** A Prisma scalar write: a value, or `{ set: value }`. */
function written(value: unknown): { value: string | null } | null {
  if (value === null || typeof value === "string") return { value };
  if (typeof value === "object" && value !== null && "set" in value) {
    const set = (value as { set: unknown }).set;
    if (set === null || typeof set === "string") return { value: set };
  }
  return null;
}

/**
 * `data` of a create or update of `model`, with the shadow column of every source column it
 * writes set to `normalizeForSearch` of the new value ("" for null). Other fields pass unchanged.
 */
export function addSearchColumns<T extends object>(model: SearchModel, data: T): T {
  const given = data as Record<string, unknown>;
  const out: Record<string, unknown> = { ...given };
  for (const [source, shadow] of Object.entries(SEARCH_COLUMNS[model])) {
    const write = written(given[source]);
    if (write) out[shadow] = write.value === null ? "" : normalizeForSearch(write.value);
  }
  return out as T;
}
