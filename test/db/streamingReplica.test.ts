import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { createApiKey } from "../../src/auth/apiKeys.js";
import { createPrisma } from "../../src/db/createPrisma.js";
import { writeTransaction } from "../../src/db/writeTransaction.js";
import { silentLogger } from "../../src/server/logger.js";
import { describeIfPostgresReplica, postgresReplicaAdminUrl } from "../support/postgres.js";
import { postOverHttp } from "../support/postOverHttp.js";
import { seededPostgresDatabase } from "../support/seededPostgres.js";
import type { SeededPostgresDatabase } from "../support/seededPostgres.js";
import { withPgClient } from "../support/withPgClient.js";

// DATABASE_READ_URL on a real streaming standby, with the response cache on. Pausing the standby's
// replay (pg_wal_replay_pause) holds it at a known position, so "the replica has not replayed the
// write yet" is a state the test can hold for as long as it wants, not a race. .ci/run's primary
// commits asynchronously (synchronous_commit = off), where a commit's WAL may not be written when
// its notification arrives: taking the primary's write position then (pg_current_wal_lsn) instead
// of its insert position let the cache reopen before the standby had the write, and failed here.
const SLUG = "2023-01-24-araji-munsch-baghdad";
const READ = `{ meeting(slug: "${SLUG}") { summaryEn } }`;

/** Asks until `done` holds for an answer (the standby replays, the cache reopens: milliseconds, asynchronously). */
async function askUntil(server: RunningServer, done: (answer: Awaited<ReturnType<typeof postOverHttp>>) => boolean, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await postOverHttp(server, READ);
    if (done(answer)) return answer;
    if (Date.now() > until) throw new Error(`no such answer within ${timeoutMs} ms; last: ${answer.cache} ${JSON.stringify(answer.json)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function pauseReplay() {
  await withPgClient(postgresReplicaAdminUrl(), async (client) => {
    await client.query(`SELECT pg_wal_replay_pause()`);
    for (let i = 0; i < 200; i += 1) {
      const { rows } = await client.query<{ state: string }>(`SELECT pg_get_wal_replay_pause_state() AS state`);
      if (rows[0]!.state === "paused") return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the standby did not pause its replay");
  });
}

const resumeReplay = () => withPgClient(postgresReplicaAdminUrl(), (client) => client.query(`SELECT pg_wal_replay_resume()`));

describeIfPostgresReplica("a streaming standby as the read replica, with the response cache", () => {
  let primary: SeededPostgresDatabase;
  let server: RunningServer;
  let editorKey: string;

  beforeAll(async () => {
    primary = await seededPostgresDatabase();
    const target = { provider: "postgres" as const, url: primary.url };
    const prisma = createPrisma(target);
    try {
      editorKey = (await writeTransaction(prisma, (tx) => createApiKey(tx, { name: "editor", role: "editor", createdBy: "test" }))).secret;
    } finally {
      await prisma.$disconnect();
    }
    const replica = new URL(postgresReplicaAdminUrl()!);
    replica.pathname = new URL(primary.url).pathname;
    // The new database reaches the standby with the WAL: wait until it is there, key included.
    const until = Date.now() + 60_000;
    for (;;) {
      const client = new pg.Client({ connectionString: replica.toString() });
      try {
        await client.connect();
        const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "ApiKey"`);
        if (rows[0]!.n === 1) break;
      } catch {
        // Not replayed yet.
      } finally {
        await client.end().catch(() => undefined);
      }
      if (Date.now() > until) throw new Error("the database did not reach the standby within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    server = await startServer({ file: target, readUrl: replica.toString(), port: 0, logger: silentLogger, responseCacheMb: 64 });
  }, 120_000);

  afterAll(async () => {
    await resumeReplay().catch(() => undefined);
    await server?.stop();
    await primary?.remove();
  });

  it("caches anonymous reads once the standby has replayed what the primary has", async () => {
    expect(server.responseCache).toBeDefined();
    const hit = await askUntil(server, (answer) => answer.cache === "hit");
    expect(hit.json.data.meeting.summaryEn.length).toBeGreaterThan(20);
  });

  it("stores nothing while the standby has not replayed this server's write, and the new answer once it has", async () => {
    const before = (await askUntil(server, (answer) => answer.cache === "hit")).json.data.meeting.summaryEn as string;
    await pauseReplay();
    try {
      const write = await postOverHttp(server, `mutation { updateMeetingSummary(slug: "${SLUG}", summaryEn: "Written while the standby waits.") { summaryEn } }`, editorKey);
      // The mutation reads its result back from the primary.
      expect(write.json).toEqual({ data: { updateMeetingSummary: { summaryEn: "Written while the standby waits." } } });
      // The standby still has the old summary, and so does every answer from it: never stored, never served from memory.
      for (let i = 0; i < 5; i += 1) {
        const answer = await postOverHttp(server, READ);
        expect(answer.json.data.meeting.summaryEn).toBe(before);
        expect(answer.cache).toBe("miss");
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      expect(server.responseCache!.stats()).toMatchObject({ entries: 0, suspended: true });
    } finally {
      await resumeReplay();
    }
    await askUntil(server, (answer) => answer.json.data.meeting.summaryEn === "Written while the standby waits.");
    const hit = await askUntil(server, (answer) => answer.cache === "hit");
    expect(hit.json.data.meeting.summaryEn).toBe("Written while the standby waits.");
  });

  it("does the same for a write by another process, told by the primary's notification", async () => {
    await askUntil(server, (answer) => answer.cache === "hit");
    await pauseReplay();
    try {
      const writer = new pg.Client({ connectionString: primary.url });
      await writer.connect();
      try {
        await writer.query(`UPDATE "Meeting" SET "summaryEn" = 'Written by another process.' WHERE slug = $1`, [SLUG]);
      } finally {
        await writer.end();
      }
      // The notification arrives asynchronously: the cache is dropped and suspended when it does.
      const until = Date.now() + 10_000;
      while (!server.responseCache!.stats().suspended) {
        if (Date.now() > until) throw new Error("the cache was not suspended within 10 s of the write");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (let i = 0; i < 3; i += 1) {
        const answer = await postOverHttp(server, READ);
        expect(answer.json.data.meeting.summaryEn).toBe("Written while the standby waits.");
        expect(answer.cache).toBe("miss");
      }
    } finally {
      await resumeReplay();
    }
    const hit = await askUntil(server, (answer) => answer.cache === "hit" && answer.json.data.meeting.summaryEn === "Written by another process.");
    expect(hit.json.data.meeting.summaryEn).toBe("Written by another process.");
  });
});
