import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { createApiKey } from "../../src/auth/apiKeys.js";
import { createPrisma } from "../../src/db/createPrisma.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { writeTransaction } from "../../src/db/writeTransaction.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { MAX_BODY_BYTES } from "../../src/http/createHttpServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { expectSameAnswer, getRaw, postRaw } from "./support.js";

const SLUG = "2023-01-24-araji-munsch-baghdad";
const MEETING = { query: `query Meeting($slug: String) { meeting(slug: $slug) { slug summaryEn } }`, variables: { slug: SLUG } };
const summaryOf = (answer: { json: any }) => answer.json.data.meeting.summaryEn as string;

let database: TestDatabase;
let prisma: PrismaClient;
let server: RunningServer;
let uncached: RunningServer;
let editorKey: string;

beforeAll(async () => {
  database = await seededDatabase();
  prisma = createPrisma(database.file);
  editorKey = (await writeTransaction(prisma, (tx) => createApiKey(tx, { name: "editor", role: "editor", createdBy: "test" }))).secret;
  server = await startServer({ file: database.file, port: 0, logger: silentLogger, responseCacheMb: 64 });
  uncached = await startServer({ file: database.file, port: 0, logger: silentLogger, responseCacheMb: 0 });
});
afterAll(async () => {
  await server.stop();
  await uncached.stop();
  await prisma.$disconnect();
  database.remove();
});

describe("the response cache on SQLite", () => {
  it("answers a second identical anonymous query from memory, with the same status, headers and bytes", async () => {
    const miss = await postRaw(server, MEETING);
    const hit = await postRaw(server, MEETING);
    expect(miss.json.data.meeting.slug).toBe(SLUG);
    expectSameAnswer(hit, miss);
    // …and the same as a server without a cache sends.
    const fresh = await postRaw(uncached, MEETING);
    expect(fresh.cache).toBe("miss");
    expect(fresh.bytes.equals(hit.bytes)).toBe(true);
    // HTTP caches must not keep it: they would not be told of writes.
    expect(hit.headers["cache-control"]).toBe("no-store");
  });

  it("shares an entry between variables in any key order, not between GET and POST", async () => {
    const query = `query Two($slug: String, $first: Int) { meeting(slug: $slug) { slug } actors(first: $first) { totalCount } }`;
    expect((await postRaw(server, { query, variables: { slug: SLUG, first: 2 } })).cache).toBe("miss");
    expect((await postRaw(server, { query, variables: { first: 2, slug: SLUG } })).cache).toBe("hit");
    const search = `?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify({ first: 2, slug: SLUG }))}`;
    const miss = await getRaw(server, search);
    expect(miss.cache).toBe("miss");
    expectSameAnswer(await getRaw(server, search), miss);
  });

  it("keys on the accept header, which chooses the content type", async () => {
    const query = { query: `{ place(slug: "brussels") { nameEn } }` };
    const plain = await postRaw(server, query);
    const modern = await postRaw(server, query, { accept: "application/graphql-response+json" });
    expect(modern.cache).toBe("miss");
    expect(modern.headers["content-type"]).toContain("application/graphql-response+json");
    expect((await postRaw(server, query)).headers["content-type"]).toBe(plain.headers["content-type"]);
    expect((await postRaw(server, query, { accept: "application/graphql-response+json" })).cache).toBe("hit");
  });

  it("never answers from the cache a request that carries an API key", async () => {
    const query = { query: `{ place(slug: "baghdad") { nameEn } }` };
    for (let i = 0; i < 2; i += 1) expect((await postRaw(server, query, { authorization: `Bearer ${editorKey}` })).cache).toBe("miss");
    await postRaw(server, query);
    expect((await postRaw(server, query)).cache).toBe("hit");
    expect((await postRaw(server, query, { authorization: `Bearer ${editorKey}` })).cache).toBe("miss");
    // A bad key must still be refused, not answered from an anonymous entry.
    expect((await postRaw(server, query, { authorization: "Bearer tw_nope" })).status).toBe(401);
  });

  it("never caches a mutation, even one that answers cleanly, and tells an operation's type from the document", async () => {
    for (let i = 0; i < 2; i += 1) expect((await postRaw(server, { query: `mutation { __typename }` })).cache).toBe("miss");
    const two = `query Q { __typename } mutation M { __typename }`;
    for (let i = 0; i < 2; i += 1) expect((await postRaw(server, { query: two, operationName: "M" })).json).toEqual({ data: { __typename: "Mutation" } });
    expect((await postRaw(server, { query: two, operationName: "M" })).cache).toBe("miss");
    await postRaw(server, { query: two, operationName: "Q" });
    expect((await postRaw(server, { query: two, operationName: "Q" })).cache).toBe("hit");
    const named = `query mutation { mutation: __typename }`;
    await postRaw(server, { query: named });
    expect((await postRaw(server, { query: named })).cache).toBe("hit");
  });

  it("never caches errors, refusals or oversized bodies", async () => {
    const cases: [unknown, number][] = [
      [{ query: `{ actors(first: 1000) { totalCount } }` }, 200], // BAD_USER_INPUT beside data: null
      [{ query: `{ auditLog(first: 1) { totalCount } }` }, 200], // UNAUTHENTICATED: admins only
      [{ query: `{ nope }` }, 400],
      [{ query: `{ __typename }`, padding: "x".repeat(MAX_BODY_BYTES) }, 413],
    ];
    for (const [body, status] of cases) {
      for (let i = 0; i < 2; i += 1) {
        const answer = await postRaw(server, body);
        expect([answer.status, answer.cache]).toEqual([status, "miss"]);
      }
    }
    // A simple GET without a preflight header is refused (CSRF) even after the same query was cached.
    const search = `?query=${encodeURIComponent("{ places { slug } }")}`;
    await getRaw(server, search);
    expect((await getRaw(server, search)).cache).toBe("hit");
    const blocked = await fetch(`${server.url}${search}`);
    expect([blocked.status, blocked.headers.get("x-taawun-cache")]).toEqual([400, "miss"]);
  });

  it("caches introspection: it depends on the schema only", async () => {
    const query = { query: `{ __schema { queryType { name } } }` };
    await postRaw(server, query);
    expect((await postRaw(server, query)).cache).toBe("hit");
  });

  it("drops the cache after a write from another connection in this process (Prisma)", async () => {
    await postRaw(server, MEETING);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
    await prisma.meeting.update({ where: { slug: SLUG }, data: { summaryEn: "Written by Prisma." } });
    const after = await postRaw(server, MEETING);
    expect([after.cache, summaryOf(after)]).toEqual(["miss", "Written by Prisma."]);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
  });

  it("drops the cache after a write from another better-sqlite3 connection", async () => {
    await postRaw(server, MEETING);
    const db = openDatabase(database.file);
    db.prepare(`UPDATE "Meeting" SET "summaryEn" = ? WHERE slug = ?`).run("Written by another connection.", SLUG);
    db.close();
    const after = await postRaw(server, MEETING);
    expect([after.cache, summaryOf(after)]).toEqual(["miss", "Written by another connection."]);
  });

  it("drops the cache after a write from another process", async () => {
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
    const script = `const db = new (require("better-sqlite3"))(process.argv[1]); db.prepare('UPDATE "Meeting" SET "summaryEn" = ? WHERE slug = ?').run("Written by another process.", process.argv[2]); db.close();`;
    execFileSync(process.execPath, ["-e", script, database.file, SLUG], { cwd: new URL("../..", import.meta.url).pathname });
    const after = await postRaw(server, MEETING);
    expect([after.cache, summaryOf(after)]).toEqual(["miss", "Written by another process."]);
  });

  it("drops the cache after this server's own mutation", async () => {
    await postRaw(server, MEETING);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
    const write = await postRaw(server, { query: `mutation { updateMeetingSummary(slug: "${SLUG}", summaryEn: "Written through the API.") { summaryEn } }` }, { authorization: `Bearer ${editorKey}` });
    expect(write.json).toEqual({ data: { updateMeetingSummary: { summaryEn: "Written through the API." } } });
    const after = await postRaw(server, MEETING);
    expect([after.cache, summaryOf(after)]).toEqual(["miss", "Written through the API."]);
  });
});

describe("the response cache's bounds and switches", () => {
  let small: RunningServer;
  beforeAll(async () => {
    small = await startServer({ file: database.file, port: 0, logger: silentLogger, responseCacheMb: 0.02 });
  });
  afterAll(async () => {
    await small.stop();
  });

  it("keeps the bytes held within the budget, evicting the least recently used", async () => {
    const cache = small.responseCache!;
    const budget = cache.stats().budgetBytes;
    const query = (i: number) => ({ query: `{ q${i}: actors(first: 2) { nodes { slug } } }` });
    for (let i = 0; i < 150; i += 1) {
      expect((await postRaw(small, query(i))).cache).toBe("miss");
      expect(cache.stats().bytes).toBeLessThanOrEqual(budget);
    }
    const { entries, bytes } = cache.stats();
    expect(entries).toBeGreaterThan(5);
    expect(entries).toBeLessThan(150);
    expect(bytes).toBeGreaterThan(budget / 2);
    expect((await postRaw(small, query(149))).cache).toBe("hit");
    expect((await postRaw(small, query(0))).cache).toBe("miss");
  });

  it("does not keep an answer over an eighth of the budget", async () => {
    const big = { query: `{ actors(first: 100) { nodes { slug nameEn nameAr } } }` };
    const first = await postRaw(small, big);
    expect(first.bytes.length).toBeGreaterThan(small.responseCache!.maxEntryBytes);
    expect((await postRaw(small, big)).cache).toBe("miss");
  });

  it("is off with 0, and where reads need a key (a cached answer would skip authentication)", async () => {
    expect(uncached.responseCache).toBeUndefined();
    for (let i = 0; i < 2; i += 1) expect((await postRaw(uncached, MEETING)).cache).toBe("miss");
    const closed = await startServer({ file: database.file, port: 0, logger: silentLogger, responseCacheMb: 64, requireKeyForReads: true });
    try {
      expect(closed.responseCache).toBeUndefined();
      for (let i = 0; i < 2; i += 1) expect((await postRaw(closed, MEETING, { authorization: `Bearer ${editorKey}` })).cache).toBe("miss");
      expect((await postRaw(closed, MEETING)).status).toBe(401);
    } finally {
      await closed.stop();
    }
  });
});
