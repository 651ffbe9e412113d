/**
 * Every `extensions.code` this API returns. Clients switch on these, so values never change
 * meaning; Apollo's own codes (parse and validation failures) are included so one enum covers all.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  BAD_REQUEST: "BAD_REQUEST",
  PERSISTED_QUERY_NOT_FOUND: "PERSISTED_QUERY_NOT_FOUND",
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** No API key where one is needed, or a key that is unknown, malformed or revoked. */
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /** A valid key whose role is too low for the field. Never says whether the object exists. */
  FORBIDDEN: "FORBIDDEN",
  /** The request ran past the server's per-request time limit (HTTP 503) and was stopped. */
  TIMEOUT: "TIMEOUT",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
