import type { RunningServer } from "../../src/app/startServer.js";

/** A GraphQL POST to a running server, with an API key when given: status, cache header and body. */
export async function postOverHttp(server: RunningServer, query: string, key?: string) {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify({ query }) });
  return { status: response.status, cache: response.headers.get("x-taawun-cache"), json: (await response.json()) as any };
}
