import { GraphQLError } from "graphql";
import { ErrorCode } from "./ErrorCode.js";

/** An error the caller can fix; `argument` names the input at fault so clients can point at it. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}
