/**
 * One word or phrase of a query, in normalised tokens (`normalizeForSearch`): a single token is a
 * word, several are a phrase (tokens in this order, adjacent). With `prefix`, the last token only
 * has to begin a token of the text.
 */
export interface SearchTerm {
  kind: "term";
  tokens: string[];
  prefix: boolean;
}

/** Every `include` must match and no `exclude` may; `include` is never empty. */
export interface SearchAll {
  kind: "all";
  include: SearchExpression[];
  exclude: SearchExpression[];
}

/** At least one of `any` must match. */
export interface SearchAny {
  kind: "any";
  any: SearchExpression[];
}

export type SearchExpression = SearchTerm | SearchAll | SearchAny;

/** A parsed, validated user query. */
export interface SearchQuery {
  expression: SearchExpression;
  /** The terms that can make a record match (excluded ones left out): what snippets highlight. */
  positiveTerms: SearchTerm[];
}
