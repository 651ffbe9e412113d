import type { SearchExpression, SearchTerm } from "../SearchQuery.js";

/**
 * Longest lexeme PostgreSQL accepts (bytes). The index leaves longer tokens out (migration
 * 20261123070000_search_index), so such a term can never match; it must not make the cast fail.
 */
const MAX_LEXEME_BYTES = 2046;

/**
 * A lexeme no document holds: documents are split on spaces, so no indexed lexeme contains one.
 * Stands for a term that cannot match, since tsquery has no literal "false".
 */
const UNMATCHABLE = "' '";

/** One token as a tsquery operand: quoted and escaped, so its characters are never tsquery syntax. */
function lexeme(token: string): string | null {
  if (Buffer.byteLength(token, "utf8") > MAX_LEXEME_BYTES) return null;
  return `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

/** A word `'w'`, a prefix `'w':*`, a phrase `('a' <-> 'b')` whose last word may be a prefix. */
function term(term: SearchTerm): string {
  const operands = term.tokens.map(lexeme);
  if (operands.some((operand) => operand === null)) return UNMATCHABLE;
  if (term.prefix) operands[operands.length - 1] += ":*";
  return operands.length === 1 ? operands[0]! : `(${operands.join(" <-> ")})`;
}

/**
 * The tsquery text of a parsed query (the AST toFtsMatch compiles for FTS5), to be cast with
 * `CAST(? AS tsquery)`, never given to to_tsquery: the index holds the JS tokens verbatim, not the
 * text search parser's, so query lexemes must skip the parser too. Fully parenthesised so
 * tsquery precedence (! > <-> > & > |) never applies; exclusions become `include & !(a | b)`, the
 * FTS5 `include NOT (a OR b)`. Like toFtsMatch's, the string also identifies the search in cursors.
 */
export function toTsQuery(expression: SearchExpression): string {
  switch (expression.kind) {
    case "term":
      return term(expression);
    case "any":
      return `(${expression.any.map(toTsQuery).join(" | ")})`;
    case "all": {
      const include = expression.include.length === 1 ? toTsQuery(expression.include[0]!) : `(${expression.include.map(toTsQuery).join(" & ")})`;
      if (expression.exclude.length === 0) return include;
      return `(${include} & !(${expression.exclude.map(toTsQuery).join(" | ")}))`;
    }
  }
}
