import type { SearchExpression, SearchTerm } from "./SearchQuery.js";

/** A term as an FTS5 string: always quoted, so no token can be read as FTS5 syntax. */
function quoted(term: SearchTerm): string {
  const phrase = `"${term.tokens.join(" ").replace(/"/g, '""')}"`;
  return term.prefix ? `${phrase}*` : phrase;
}

/**
 * The FTS5 MATCH expression of a parsed query, fully parenthesised so FTS5's own precedence
 * (NOT > AND > OR) never applies. FTS5's NOT is binary, so exclusions hang off their group:
 * `a b -c -d` → `(("a" AND "b") NOT ("c" OR "d"))`. The same string identifies the search in cursors.
 */
export function toFtsMatch(expression: SearchExpression): string {
  switch (expression.kind) {
    case "term":
      return quoted(expression);
    case "any":
      return `(${expression.any.map(toFtsMatch).join(" OR ")})`;
    case "all": {
      const include = expression.include.length === 1 ? toFtsMatch(expression.include[0]!) : `(${expression.include.map(toFtsMatch).join(" AND ")})`;
      if (expression.exclude.length === 0) return include;
      return `(${include} NOT (${expression.exclude.map(toFtsMatch).join(" OR ")}))`;
    }
  }
}
