import { foldText } from "./foldText.js";
import { stemArabicToken } from "./stemArabicToken.js";
import { wordRuns } from "./wordRuns.js";

/**
 * The search key of a name, alias or query: the `norm` of every `tokenize` token, joined by single
 * spaces ("«قَاسِم الأعـــرجي»" → "قاسم اعرجي", "Qasim al-Araji" → "qasim al araji").
 *
 * Two strings are spelling variants of each other exactly when their keys are equal; use
 * `textMatches` for "occurs in". Compute keys from original text only: stemming is not idempotent
 * ("والوزارة" → "وزاره", which would become "زاره" if normalised again).
 */
export function normalizeForSearch(s: string): string {
  const folded = foldText(s);
  let key = "";
  for (const run of wordRuns(folded)) {
    const norm = stemArabicToken(folded.slice(run.start, run.end));
    key = key === "" ? norm : `${key} ${norm}`;
  }
  return key;
}
