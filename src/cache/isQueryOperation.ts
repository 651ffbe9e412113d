import { getOperationAST, parse } from "graphql";

/**
 * Whether the operation a request runs is a query, read from the parsed document: text matching
 * would take `query mutation { … }`, a field named `mutation` or a comment for a write. Called only
 * after Apollo answered the request without errors, so the document is known to parse and validate.
 */
export function isQueryOperation(query: string, operationName: string | undefined): boolean {
  try {
    return getOperationAST(parse(query, { noLocation: true }), operationName)?.operation === "query";
  } catch {
    return false;
  }
}
