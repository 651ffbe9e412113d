import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

/** Where `npm start` serves the API by default. */
export const DEFAULT_URL = "http://localhost:4000/graphql";

/** A failed request, with a message meant for the person running the client. */
export class ClientError extends Error {
  override name = "ClientError";
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one operation generated from examples/operations over HTTP with plain `fetch`. The document
 * types both sides: `variables` must match the operation's variables and the result is its data.
 */
export async function request<TResult, TVariables>(url: string, document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch (error) {
    throw new ClientError(`Cannot reach the taawun API at ${url} (${reason(error)}). Is the server running? Start it with \`npm start\`, or set TAAWUN_URL to the URL of a running server.`);
  }
  const text = await response.text();
  let body: GraphQLResponse<TResult>;
  try {
    body = JSON.parse(text) as GraphQLResponse<TResult>;
  } catch {
    throw new ClientError(`${url} answered HTTP ${response.status} with something other than JSON; is TAAWUN_URL the GraphQL endpoint (…/graphql)?`);
  }
  if (body.errors && body.errors.length > 0) {
    const messages = body.errors.map((e) => (e.extensions?.code ? `${e.message} [${e.extensions.code}]` : e.message));
    throw new ClientError(`The API answered with errors:\n  ${messages.join("\n  ")}`);
  }
  if (body.data === undefined || body.data === null) throw new ClientError(`The API answered HTTP ${response.status} without data.`);
  return body.data;
}

// fetch wraps the socket error: `cause` holds ECONNREFUSED and the like (an AggregateError when
// both the IPv6 and the IPv4 address of localhost were tried).
function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (error as Error).message;
}
