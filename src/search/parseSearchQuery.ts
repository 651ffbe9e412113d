import { badUserInput } from "../errors/badUserInput.js";
import { normalizeForSearch } from "../text/index.js";
import type { SearchExpression, SearchQuery, SearchTerm } from "./SearchQuery.js";

/** Longest query accepted; longer input is a client bug, not a search. */
export const MAX_QUERY_LENGTH = 200;
/** Most tokens in one query, so one request cannot ask FTS5 for an unbounded expression. */
export const MAX_QUERY_TOKENS = 32;
/** Shortest prefix: a one-letter prefix would expand to a large part of the vocabulary. */
export const MIN_PREFIX_LENGTH = 2;

/** Opening quote → the characters that close it. ASCII, Arabic/French guillemets, curly quotes. */
const QUOTES: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["«", "»"],
  ["“", "”\""],
  ["„", "“”\""],
]);
const OPERATORS = new Set(["AND", "OR", "NOT"]);
const WHITESPACE = /\s/u;

type Lexeme =
  | { kind: "word"; text: string; prefix: boolean; at: number }
  | { kind: "phrase"; text: string; prefix: boolean; at: number }
  | { kind: "op"; op: "AND" | "OR" | "NOT"; at: number }
  | { kind: "minus" | "open" | "close"; at: number };

function isBreak(ch: string): boolean {
  return WHITESPACE.test(ch) || ch === "(" || ch === ")" || QUOTES.has(ch);
}

/** A "-" at the start of a word, directly before a word, phrase or group: an exclusion. */
function startsExclusion(query: string, i: number): boolean {
  const next = query[i + 1];
  if (next === undefined || WHITESPACE.test(next) || next === ")" || next === "-") return false;
  return i === 0 || isBreak(query[i - 1]!);
}

/**
 * Splits the raw query into words, phrases, operators and parentheses. Everything else (FTS5's
 * own `^ : + { } NEAR` included) is text, and normalisation later turns punctuation into word
 * breaks, so no character of the query ever reaches SQLite unquoted.
 */
function lex(query: string, argument: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i]!;
    if (WHITESPACE.test(ch)) {
      i++;
    } else if (ch === "(" || ch === ")") {
      out.push({ kind: ch === "(" ? "open" : "close", at: i });
      i++;
    } else if (QUOTES.has(ch)) {
      const closers = QUOTES.get(ch)!;
      let end = i + 1;
      while (end < query.length && !closers.includes(query[end]!)) end++;
      if (end >= query.length) {
        throw badUserInput(`The quote opened at position ${i + 1} is not closed. Close the phrase with ${closers[0]}, or remove the quote.`, argument);
      }
      let next = end + 1;
      const prefix = query[next] === "*";
      while (query[next] === "*") next++;
      out.push({ kind: "phrase", text: query.slice(i + 1, end), prefix, at: i });
      i = next;
    } else if (ch === "-" && startsExclusion(query, i)) {
      out.push({ kind: "minus", at: i });
      i++;
    } else {
      let end = i;
      while (end < query.length && !isBreak(query[end]!)) end++;
      const raw = query.slice(i, end);
      if (OPERATORS.has(raw)) out.push({ kind: "op", op: raw as "AND" | "OR" | "NOT", at: i });
      else out.push({ kind: "word", text: raw.replace(/\*+$/u, ""), prefix: /[^*]\*+$/u.test(raw), at: i });
      i = end;
    }
  }
  return out;
}

/** A word or phrase as normalised tokens; null when it has no letters or digits (it is dropped). */
function term(text: string, prefix: boolean, at: number, argument: string): SearchTerm | null {
  const key = normalizeForSearch(text);
  if (key === "") return null;
  const tokens = key.split(" ");
  if (prefix && [...tokens.at(-1)!].length < MIN_PREFIX_LENGTH) {
    throw badUserInput(`The prefix at position ${at + 1} is too short: give at least ${MIN_PREFIX_LENGTH} letters before *.`, argument);
  }
  return { kind: "term", tokens, prefix };
}

/**
 * Recursive descent over the lexemes:
 *   any   := all ( OR all )*
 *   all   := unary ( [AND] unary )*
 *   unary := ( NOT | - ) unary | primary
 *   primary := ( any ) | phrase | word
 * A sub-expression whose words all normalise to nothing (`^`, `:`) is dropped, not an error, so
 * stray punctuation never costs a user their search; structural mistakes are errors, because
 * guessing would silently run a different search than the one the analyst meant.
 */
class Parser {
  private at = 0;

  constructor(
    private readonly lexemes: Lexeme[],
    private readonly argument: string,
  ) {}

  parse(): SearchExpression | null {
    const expression = this.any();
    const extra = this.lexemes[this.at];
    if (extra) throw badUserInput(`Unexpected ")" at position ${extra.at + 1}: it closes no parenthesis.`, this.argument);
    return expression;
  }

  private peek(): Lexeme | undefined {
    return this.lexemes[this.at];
  }

  private startsOperand(lexeme: Lexeme | undefined): boolean {
    return lexeme !== undefined && (lexeme.kind === "word" || lexeme.kind === "phrase" || lexeme.kind === "open" || lexeme.kind === "minus" || (lexeme.kind === "op" && lexeme.op === "NOT"));
  }

  private missingOperand(op: string, at: number): never {
    throw badUserInput(`${op} at position ${at + 1} needs a word or group on each side. To search for the word itself, write it in lower case ("${op.toLowerCase()}").`, this.argument);
  }

  private any(): SearchExpression | null {
    const parts: (SearchExpression | null)[] = [];
    const first = this.peek();
    if (first?.kind === "op" && first.op === "OR") this.missingOperand("OR", first.at);
    parts.push(this.all());
    for (let next = this.peek(); next?.kind === "op" && next.op === "OR"; next = this.peek()) {
      this.at++;
      if (!this.startsOperand(this.peek())) this.missingOperand("OR", next.at);
      parts.push(this.all());
    }
    const kept = parts.filter((part): part is SearchExpression => part !== null);
    if (kept.length === 0) return null;
    return kept.length === 1 ? kept[0]! : { kind: "any", any: kept };
  }

  private all(): SearchExpression | null {
    const include: SearchExpression[] = [];
    const exclude: SearchExpression[] = [];
    let start: Lexeme | undefined;
    for (;;) {
      const next = this.peek();
      if (next?.kind === "op" && next.op === "AND") {
        this.at++;
        if (include.length + exclude.length === 0 && start === undefined) this.missingOperand("AND", next.at);
        if (!this.startsOperand(this.peek())) this.missingOperand("AND", next.at);
        continue;
      }
      if (!this.startsOperand(next)) break;
      start ??= next;
      const [negated, operand] = this.unary();
      if (operand) (negated ? exclude : include).push(operand);
    }
    if (start === undefined) {
      const next = this.peek();
      if (next?.kind === "close") throw badUserInput(`Empty group or unexpected ")" at position ${next.at + 1}.`, this.argument);
      return null;
    }
    if (include.length === 0) {
      if (exclude.length === 0) return null;
      throw badUserInput(`Exclusions (NOT, -word) need at least one word to search for beside them, e.g. "الناتو -بروكسل".`, this.argument);
    }
    if (include.length === 1 && exclude.length === 0) return include[0]!;
    return { kind: "all", include, exclude };
  }

  /** [negated, operand]: double negation cancels, as a user would read it. */
  private unary(): [boolean, SearchExpression | null] {
    const next = this.peek()!;
    if (next.kind === "minus" || (next.kind === "op" && next.op === "NOT")) {
      this.at++;
      if (!this.startsOperand(this.peek())) {
        if (next.kind === "minus") throw badUserInput(`"-" at position ${next.at + 1} must be followed by a word or group to exclude.`, this.argument);
        this.missingOperand("NOT", next.at);
      }
      const [negated, operand] = this.unary();
      return [!negated, operand];
    }
    return [false, this.primary()];
  }

  private primary(): SearchExpression | null {
    const next = this.peek()!;
    this.at++;
    if (next.kind === "open") {
      const inner = this.any();
      const close = this.peek();
      if (close?.kind !== "close") throw badUserInput(`The parenthesis opened at position ${next.at + 1} is not closed.`, this.argument);
      this.at++;
      return inner;
    }
    if (next.kind === "word" || next.kind === "phrase") return term(next.text, next.prefix, next.at, this.argument);
    throw new Error(`unreachable: primary() on ${next.kind}`);
  }
}

function collectPositive(expression: SearchExpression, out: SearchTerm[]): SearchTerm[] {
  if (expression.kind === "term") out.push(expression);
  else if (expression.kind === "any") expression.any.forEach((part) => collectPositive(part, out));
  else expression.include.forEach((part) => collectPositive(part, out));
  return out;
}

function countTokens(expression: SearchExpression): number {
  if (expression.kind === "term") return expression.tokens.length;
  if (expression.kind === "any") return expression.any.reduce((n, part) => n + countTokens(part), 0);
  return [...expression.include, ...expression.exclude].reduce((n, part) => n + countTokens(part), 0);
}

/**
 * Validates a user's search string at the edge and parses it (syntax: `Query.search` in the SDL,
 * docs/search.md). Returns null when the query holds no word at all (empty, or punctuation only):
 * callers decide whether that is an error (`search`) or an empty result (list filters). Every
 * other mistake is a BAD_USER_INPUT naming `argument`; nothing here can produce an SQL error,
 * because words are normalised into tokens and only ever reach FTS5 as quoted strings.
 */
export function parseSearchQuery(query: string, argument: string): SearchQuery | null {
  if (query.length > MAX_QUERY_LENGTH) throw badUserInput(`\`${argument}\` may be at most ${MAX_QUERY_LENGTH} characters.`, argument);
  const expression = new Parser(lex(query, argument), argument).parse();
  if (expression === null) return null;
  if (countTokens(expression) > MAX_QUERY_TOKENS) throw badUserInput(`\`${argument}\` may hold at most ${MAX_QUERY_TOKENS} words.`, argument);
  return { expression, positiveTerms: collectPositive(expression, []) };
}
