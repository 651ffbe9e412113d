import type { GraphQLFormattedError } from "graphql";
import { GraphQLError } from "graphql";
import { unwrapResolverError } from "@apollo/server/errors";
import { ErrorCode } from "../errors/ErrorCode.js";
import type { Logger } from "./logger.js";

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/** The innermost GraphQLError with one of our codes, e.g. a Date literal rejected in validation. */
function ownError(error: unknown): GraphQLError | null {
  for (let current = error; current; current = (current as { originalError?: unknown }).originalError) {
    if (current instanceof GraphQLError && current.extensions.code === ErrorCode.BAD_USER_INPUT) return current;
  }
  return null;
}

/**
 * Every error leaves with a code from {@link ErrorCode}. Input errors keep their message (it tells
 * the user what to fix); anything unexpected is logged in full and answered with a generic
 * INTERNAL_SERVER_ERROR, so no stack trace, SQL or path reaches a client.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const own = ownError(error);
    if (own) {
      // `http` tells Apollo the status to answer with; it is not for the client (Apollo strips it
      // from `formatted`, the error's own copy still has it).
      const { http: _http, ...extensions } = own.extensions;
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const cause = unwrapResolverError(error);
    logger.error("unexpected error", { message: (cause as Error)?.message, stack: (cause as Error)?.stack, path: formatted.path });
    return {
      message: "Internal server error. The failure has been logged; please try again or report it.",
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
