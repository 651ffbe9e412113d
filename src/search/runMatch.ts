import { badUserInput } from "../errors/badUserInput.js";

/**
 * Runs a statement that holds an FTS5 MATCH. The expression is built from quoted, normalised
 * tokens only (toFtsMatch), so FTS5 cannot reject it; should it ever (a bug, or an FTS5 upgrade
 * reading something new into a token), the user still gets a BAD_USER_INPUT they can act on
 * rather than an SQL error, and the expression is named so the bug can be found.
 */
export async function runMatch<T>(match: string, argument: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && /^(fts5:|unterminated string)/.test(error.message)) {
      throw badUserInput(`This query cannot be searched (${error.message}; expression ${match}). Simplify it, e.g. remove operators.`, argument);
    }
    throw error;
  }
}
