/**
 * Whether a PostgreSQL error is the server refusing a tsquery ("syntax error in tsquery", "word
 * is too long in tsquery", "tsquery is too large"): what runMatch turns into BAD_USER_INPUT, as it
 * does for FTS5's "fts5: …" errors. toTsQuery quotes every token and bounds every lexeme, so this
 * should never happen; should it (a bug, a server reading something new into the syntax), the user
 * still gets an error they can act on.
 */
export function isTsQueryError(error: unknown): boolean {
  return error instanceof Error && /\btsquery\b/.test(error.message);
}
