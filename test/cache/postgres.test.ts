import { createConnection, createServer } from "node:net";
import type { AddressInfo, Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { createApiKey } from "../../src/auth/apiKeys.js";
import { listenForChanges, LISTENER_APPLICATION_NAME } from "../../src/cache/listenForChanges.js";
import { ResponseCache } from "../../src/cache/ResponseCache.js";
import { createPrisma } from "../../src/db/createPrisma.js";
import { writeTransaction } from "../../src/db/writeTransaction.js";
import { silentLogger } from "../../src/server/logger.js";
import { describeIfPostgres } from "../support/postgres.js";
import { seededPostgresDatabase } from "../support/seededPostgres.js";
import type { SeededPostgresDatabase } from "../support/seededPostgres.js";
import { expectSameAnswer, postRaw, until } from "./support.js";

const SLUG = "2023-01-24-araji-munsch-baghdad";
const MEETING = { query: `query Meeting($slug: String) { meeting(slug: $slug) { slug summaryEn } }`, variables: { slug: SLUG } };
const summaryOf = (answer: { json: any }) => answer.json.data.meeting.summaryEn as string;

/** The LISTEN connection's backend, found the way an operator would. */
const KILL_LISTENER = `SELECT pg_terminate_backend(pid, 5000) AS killed FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`;

describeIfPostgres("the response cache on PostgreSQL", () => {
  let database: SeededPostgresDatabase;
  let server: RunningServer;
  let client: pg.Client;
  let editorKey: string;

  beforeAll(async () => {
    database = await seededPostgresDatabase();
    const prisma = createPrisma({ provider: "postgres", url: database.url });
    try {
      editorKey = (await writeTransaction(prisma, (tx) => createApiKey(tx, { name: "editor", role: "editor", createdBy: "test" }))).secret;
    } finally {
      await prisma.$disconnect();
    }
    server = await startServer({ file: { provider: "postgres", url: database.url }, port: 0, logger: silentLogger, responseCacheMb: 64 });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await server?.stop();
    await database?.remove();
  });

  const cache = () => server.responseCache!;
  const setSummary = (text: string) => client.query(`UPDATE "Meeting" SET "summaryEn" = $1 WHERE slug = $2`, [text, SLUG]);

  it("has the notifying trigger on every table but Prisma's migration log", async () => {
    const { rows } = await client.query<{ table: string; notifies: boolean }>(
      `SELECT c.relname AS table,
              EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgfoid = 'notify_record_changed'::regproc AND t.tgenabled = 'O') AS notifies
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
    );
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.filter((row) => !row.notifies).map((row) => row.table), "add the trigger of 20261123093000_record_changed_notifications to these tables").toEqual([]);
  });

  it("answers a second identical anonymous query from memory, with the same status, headers and bytes", async () => {
    const miss = await postRaw(server, MEETING);
    expect(miss.json.data.meeting.slug).toBe(SLUG);
    expectSameAnswer(await postRaw(server, MEETING), miss);
  });

  it("never answers from the cache a request that carries an API key, nor a mutation", async () => {
    for (let i = 0; i < 2; i += 1) expect((await postRaw(server, MEETING, { authorization: `Bearer ${editorKey}` })).cache).toBe("miss");
    for (let i = 0; i < 2; i += 1) expect((await postRaw(server, { query: `mutation { __typename }` })).cache).toBe("miss");
  });

  it("drops the cache when another connection commits, once the notification arrives", async () => {
    await postRaw(server, MEETING);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
    const clears = cache().stats().clears;
    await setSummary("Written by another connection.");
    const ms = await until(() => cache().stats().clears > clears, 5_000, "the change notification");
    expect(ms).toBeLessThan(1_000);
    const after = await postRaw(server, MEETING);
    expect([after.cache, summaryOf(after)]).toEqual(["miss", "Written by another connection."]);
  });

  it("is not dropped by a write that rolls back", async () => {
    await postRaw(server, MEETING);
    const clears = cache().stats().clears;
    await client.query("BEGIN");
    await setSummary("Never committed.");
    await client.query("ROLLBACK");
    await client.query("SELECT pg_sleep(0.2)");
    expect(cache().stats().clears).toBe(clears);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
  });

  it("drops the cache at once after this server's own mutation, before any notification", async () => {
    await postRaw(server, MEETING);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
    const write = await postRaw(server, { query: `mutation { updateMeetingSummary(slug: "${SLUG}", summaryEn: "Written through the API.") { summaryEn } }` }, { authorization: `Bearer ${editorKey}` });
    expect(write.json).toEqual({ data: { updateMeetingSummary: { summaryEn: "Written through the API." } } });
    const after = await postRaw(server, MEETING);
    expect([after.cache, summaryOf(after)]).toEqual(["miss", "Written through the API."]);
  });

  it("serves no hit while the LISTEN connection is gone, and caches again once it is back", async () => {
    await postRaw(server, MEETING);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
    const { rows } = await client.query<{ killed: boolean }>(KILL_LISTENER);
    expect(rows).toEqual([{ killed: true }]);
    await until(() => cache().stats().suspended, 5_000, "the cache to notice the lost connection");
    // Written while nobody listens: no notification will ever say so.
    await setSummary("Written while the listener was down.");
    const during = await postRaw(server, MEETING);
    expect([during.cache, summaryOf(during)]).toEqual(["miss", "Written while the listener was down."]);
    await until(() => !cache().stats().suspended, 10_000, "the listener to reconnect");
    const { rows: listeners } = await client.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [LISTENER_APPLICATION_NAME]);
    expect(listeners).toHaveLength(1);
    const first = await postRaw(server, MEETING);
    expect([first.cache, summaryOf(first)]).toEqual(["miss", "Written while the listener was down."]);
    expect((await postRaw(server, MEETING)).cache).toBe("hit");
  });

  it("keeps the cache suspended for as long as the connection is down", async () => {
    const listeners = async () =>
      (await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [LISTENER_APPLICATION_NAME])).rows.map((row) => row.pid);
    const servers = await listeners();
    const own = new ResponseCache({ budgetBytes: 1 << 20 });
    const listener = listenForChanges(database.url, own, silentLogger, { retryMs: 1_500 });
    try {
      await listener.ready;
      expect(own.suspended).toBe(false);
      const answer = { status: 200, headers: [], body: Buffer.from("{}") };
      own.store("k", answer, own.begin());
      const mine = (await listeners()).filter((pid) => !servers.includes(pid));
      expect(mine).toHaveLength(1);
      await client.query("SELECT pg_terminate_backend($1, 5000)", [mine[0]]);
      await until(() => own.suspended, 5_000, "the lost connection");
      const lostAt = performance.now();
      while (performance.now() - lostAt < 1_000) {
        expect(own.lookup("k")).toBeUndefined();
        expect(own.store("k", answer, own.begin())).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await until(() => !own.suspended, 10_000, "the reconnection");
      expect(own.lookup("k")).toBeUndefined();
      expect(own.store("k", answer, own.begin())).toBe(true);
    } finally {
      await listener.close();
    }
  });

  it("notices a connection that goes silent, by its heartbeat", async () => {
    // A TCP proxy that can stop forwarding, as a network partition would: no error, no close.
    const sockets: Socket[] = [];
    const upstream = new URL(database.url);
    const proxy = createServer((socket) => {
      const server = createConnection(Number(upstream.port || 5432), upstream.hostname);
      socket.pipe(server).pipe(socket);
      socket.on("error", () => server.destroy());
      server.on("error", () => socket.destroy());
      sockets.push(socket, server);
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const viaProxy = new URL(database.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String((proxy.address() as AddressInfo).port);
    const own = new ResponseCache({ budgetBytes: 1 << 20 });
    const listener = listenForChanges(viaProxy.toString(), own, silentLogger, { heartbeatMs: 100, heartbeatTimeoutMs: 300, retryMs: 100 });
    try {
      await listener.ready;
      expect(own.suspended).toBe(false);
      for (const socket of sockets) socket.pause();
      const ms = await until(() => own.suspended, 5_000, "the heartbeat to give up");
      expect(ms).toBeLessThan(2_000);
      // The frozen sockets stay frozen; the reconnection gets new ones.
      await until(() => !own.suspended, 10_000, "the reconnection");
    } finally {
      await listener.close();
      for (const socket of sockets) socket.destroy();
      proxy.close();
    }
  });
});

describe("the PostgreSQL change feed, when the server cannot be reached", () => {
  it("keeps the cache suspended, retrying, until closed", async () => {
    const cache = new ResponseCache({ budgetBytes: 1 << 20 });
    const listener = listenForChanges("postgres://nobody@127.0.0.1:1/none", cache, silentLogger, { retryMs: 20 });
    await listener.ready;
    expect(cache.suspended).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cache.store("k", { status: 200, headers: [], body: Buffer.from("{}") }, cache.begin())).toBe(false);
    await listener.close();
  });
});
