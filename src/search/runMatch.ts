import { badUserInput } from "../errors/badUserInput.js";
import { isTsQueryError } from "./postgres/isTsQueryError.js";

/**
 * Runs a statement that holds an FTS5 MATCH (or, on PostgreSQL, a tsquery). The expression is
 * built from quoted, normalised tokens only (toFtsMatch, toTsQuery), so the index cannot reject it; should it ever (a bug, or an FTS5 upgrade
 * reading something new into a token), the user still gets a BAD_USER_INPUT they can act on
 * rather than an SQL error, and the expression is named so the bug can be found.
 */
export async function runMatch<T>(match: string, argument: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if ((error instanceof Error && /^(fts5:|unterminated string)/.test(error.message)) || isTsQueryError(error)) {
      throw badUserInput(`This query cannot be searched (${(error as Error).message}; expression ${match}). Simplify it, e.g. remove operators.`, argument);
    }
    throw error;
  }
}
