import { normalizeForSearch } from "./normalizeForSearch.js";

const SPACE = 0x20;

/**
 * True when the needle occurs in the haystack, compared on `normalizeForSearch` keys:
 * - the needle must start at a token boundary ("ناتو" is found in "حلف الناتو", since "الناتو"
 *   normalises to "ناتو"; "Araji" in "Qasim al-Araji"; but "غداد" is not found in "بغداد");
 * - every needle token except the last must equal a haystack token, in order;
 * - the last needle token may be a prefix of a haystack token (search-as-you-type: "الأعر" finds
 *   "الأعرجي"), so "الشمر" finds "الشمري" and "السودان" finds "السوداني". When identity is meant
 *   (actor/alias resolution), compare `normalizeForSearch` keys for equality instead.
 * A needle with no letters or digits (empty, punctuation only) matches nothing.
 */
export function textMatches(haystack: string, needle: string): boolean {
  const key = normalizeForSearch(needle);
  if (key === "") return false;
  const hay = normalizeForSearch(haystack);
  for (let at = hay.indexOf(key); at !== -1; at = hay.indexOf(key, at + 1)) {
    if (at === 0 || hay.charCodeAt(at - 1) === SPACE) return true;
  }
  return false;
}
