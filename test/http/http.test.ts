import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { MAX_BODY_BYTES } from "../../src/http/createHttpServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { ideIsBuilt } from "../../src/ide/serveIde.js";

const IDE_DIST = new URL("../../dist/ide", import.meta.url).pathname;
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await seededDatabase();
  server = await startServer({ file: database.file, port: 0, logger: silentLogger, ide: { distDir: IDE_DIST, enabled: true } });
});
afterAll(async () => {
  await server.stop();
  database.remove();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("the HTTP endpoint", () => {
  it("answers a POSTed query with the record's Arabic names", async () => {
    const response = await post({ query: `query Actor($slug: String) { actor(slug: $slug) { nameAr nameEn } }`, variables: { slug: "qasim-al-araji" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toEqual({ data: { actor: { nameAr: "قاسم الأعرجي", nameEn: "Qasim al-Araji" } } });
  });

  it("answers a GET query (cacheable reads) when the request is not a CSRF risk", async () => {
    const query = encodeURIComponent(`{ place(slug: "brussels") { nameAr } }`);
    const response = await fetch(`${server.url}?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { place: { nameAr: "بروكسل" } } });
  });

  it("blocks a simple GET that a browser could send cross-site (CSRF prevention)", async () => {
    const query = encodeURIComponent(`{ __typename }`);
    const response = await fetch(`${server.url}?query=${query}`);
    expect(response.status).toBe(400);
  });

  it("refuses a mutation over GET", async () => {
    const response = await fetch(`${server.url}?query=${encodeURIComponent("mutation { __typename }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(405);
  });

  it("answers BAD_USER_INPUT errors with status 200 and the code", async () => {
    const response = await post({ query: `{ actors(first: 1000) { totalCount } }` });
    const body: any = await response.json();
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(body.data).toBeNull();
  });

  it("answers invalid JSON with 400 and a BAD_REQUEST code", async () => {
    const response = await post("{ not json");
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("refuses a body over the limit before parsing it", async () => {
    const response = await post({ query: `{ __typename }`, padding: "x".repeat(MAX_BODY_BYTES) });
    expect(response.status).toBe(413);
  });

  it("answers health checks and unknown paths", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it.runIf(ideIsBuilt(IDE_DIST))("serves the bundled IDE to a browser at / and /graphql, JSON to clients", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    for (const url of [`${base}/`, server.url]) {
      const page = await fetch(url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toContain("text/html");
      expect(await page.text()).toContain("<title>taawun — GraphQL IDE</title>");
    }
    const json = await post({ query: "{ __typename }" });
    expect(await json.json()).toEqual({ data: { __typename: "Query" } });
    expect(json.headers.get("vary")).toContain("accept");
  });
});
