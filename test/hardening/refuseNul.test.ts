import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// U+0000 is refused wherever a request carries text (src/hardening/refuseNulCharacters.ts): a
// string literal of the document (written as the escape \u0000) or a variable. Each parsed
// document is checked once and remembered, so the same text asked again must still be refused.
let database: TestDatabase;
let server: RunningServer;

beforeAll(async () => {
  database = await seededDatabase();
  server = await startServer({ file: database.file, port: 0, logger: silentLogger, responseCacheMb: 0 });
});
afterAll(async () => {
  await server.stop();
  await database.remove();
});

const post = async (body: unknown) => {
  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] } };
};
const REFUSED = { status: 400, body: { errors: [{ message: "Text arguments may not contain the NUL character (U+0000): remove it and send the request again.", extensions: { code: "BAD_USER_INPUT" } }] } };

describe("the NUL character", () => {
  it("is refused in a string literal, the first time and again from the checked-documents cache", async () => {
    const query = `{ actor(slug: "nato\\u0000") { slug } }`;
    expect(await post({ query })).toEqual(REFUSED);
    expect(await post({ query })).toEqual(REFUSED);
  });

  it("is refused in a variable of a document that passed the check before", async () => {
    const query = `query A($slug: String!) { actor(slug: $slug) { slug } }`;
    expect(await post({ query, variables: { slug: "nato" } })).toEqual({ status: 200, body: { data: { actor: { slug: "nato" } } } });
    expect(await post({ query, variables: { slug: "na\u0000to" } })).toEqual(REFUSED);
    expect(await post({ query, variables: { slug: "nato" } })).toEqual({ status: 200, body: { data: { actor: { slug: "nato" } } } });
  });
});
