import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { createApiKey, revokeApiKey } from "../../src/auth/apiKeys.js";
import { createPrisma } from "../../src/db/createPrisma.js";
import { readUrlFromEnv } from "../../src/db/readUrlFromEnv.js";
import { writeTransaction } from "../../src/db/writeTransaction.js";
import { silentLogger } from "../../src/server/logger.js";
import { describeIfPostgres, postgresAdminUrl } from "../support/postgres.js";
import { postOverHttp } from "../support/postOverHttp.js";
import { seededPostgresDatabase } from "../support/seededPostgres.js";
import type { SeededPostgresDatabase } from "../support/seededPostgres.js";
import { withPgClient } from "../support/withPgClient.js";

// DATABASE_READ_URL: the read pool on a replica, everything that must see the latest commit on the
// primary. A real replica lags by an unknown amount, so the "replica" here is a copy of the primary
// that is never updated and differs from it on purpose: every answer then shows where it was read.
const SLUG = "2023-01-24-araji-munsch-baghdad";

describeIfPostgres("a read replica (DATABASE_READ_URL)", () => {
  let primary: SeededPostgresDatabase;
  let replicaUrl: string;
  let replicaName: string;
  let server: RunningServer;
  let editorKey: string;
  let revokedKey: string;

  beforeAll(async () => {
    primary = await seededPostgresDatabase();
    const target = { provider: "postgres" as const, url: primary.url };
    const prisma = createPrisma(target);
    try {
      // Exists on both sides, revoked on the primary only (below).
      revokedKey = (await writeTransaction(prisma, (tx) => createApiKey(tx, { name: "leaver", role: "editor", createdBy: "test" }))).secret;
    } finally {
      await prisma.$disconnect();
    }
    replicaName = `${process.env.TAAWUN_TEST_POSTGRES_PREFIX ?? "taawun_test_"}replica_${randomBytes(4).toString("hex")}`;
    const primaryName = new URL(primary.url).pathname.slice(1);
    await withPgClient(postgresAdminUrl(), (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(replicaName)} TEMPLATE ${client.escapeIdentifier(primaryName)}`));
    const url = new URL(primary.url);
    url.pathname = `/${replicaName}`;
    replicaUrl = url.toString();
    const replica = new pg.Client({ connectionString: replicaUrl });
    await replica.connect();
    await replica.query(`UPDATE "Actor" SET "nameEn" = 'Read from the replica' WHERE slug = 'qasim-al-araji'`);
    await replica.end();
    const writer = createPrisma(target);
    try {
      editorKey = (await writeTransaction(writer, (tx) => createApiKey(tx, { name: "editor", role: "editor", createdBy: "test" }))).secret;
      await writeTransaction(writer, (tx) => revokeApiKey(tx, "leaver"));
    } finally {
      await writer.$disconnect();
    }
    server = await startServer({ file: target, readUrl: replicaUrl, port: 0, logger: silentLogger, responseCacheMb: 64 });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await primary?.remove();
    if (replicaName) await withPgClient(postgresAdminUrl(), (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(replicaName)} WITH (FORCE)`));
  });

  it("reads anonymous queries from the replica, with no response cache", async () => {
    for (let i = 0; i < 2; i += 1) {
      const answer = await postOverHttp(server, `{ actor(slug: "qasim-al-araji") { nameEn } }`);
      expect(answer.json).toEqual({ data: { actor: { nameEn: "Read from the replica" } } });
      expect(answer.cache).toBe("miss");
    }
    expect(server.responseCache).toBeUndefined();
  });

  it("says why the cache is off: a copy is no standby; a replica it cannot reach at start is not known to be one", async () => {
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(`info ${m}`), warn: (m: string) => lines.push(`warn ${m}`), error: (m: string) => lines.push(`error ${m}`) };
    const target = { provider: "postgres" as const, url: primary.url };
    const copy = await startServer({ file: target, readUrl: replicaUrl, port: 0, logger, responseCacheMb: 64 });
    await copy.stop();
    expect(copy.responseCache).toBeUndefined();
    expect(lines).toContain("info response cache off: DATABASE_READ_URL is not a streaming standby (pg_is_in_recovery() is false), so it cannot tell when a write has been replayed");
    lines.length = 0;
    const nowhere = new URL(replicaUrl);
    nowhere.port = "1";
    const unreachable = await startServer({ file: target, readUrl: nowhere.toString(), port: 0, logger, responseCacheMb: 64 });
    try {
      expect(unreachable.responseCache).toBeUndefined();
      expect(lines.filter((line) => line.startsWith("warn"))).toEqual(["warn response cache off: could not ask DATABASE_READ_URL whether it is a standby; restart once it answers"]);
      // It serves what needs no replica.
      expect((await fetch(unreachable.url.replace(/graphql$/, "health"))).status).toBe(200);
    } finally {
      await unreachable.stop();
    }
  });

  it("checks API keys on the primary: a key only the primary has works, one it revoked does not", async () => {
    const refused = await postOverHttp(server, `{ __typename }`, revokedKey);
    expect(refused.status).toBe(401);
    expect(refused.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect((await postOverHttp(server, `{ __typename }`, editorKey)).json).toEqual({ data: { __typename: "Query" } });
  });

  it("reads a mutation's result back from the primary; the next query reads the replica again", async () => {
    const write = await postOverHttp(server, `mutation { updateMeetingSummary(slug: "${SLUG}", summaryEn: "Written to the primary.") { summaryEn } }`, editorKey);
    expect(write.json).toEqual({ data: { updateMeetingSummary: { summaryEn: "Written to the primary." } } });
    // This replica never replays anything: a real one would show the write once it has.
    const after = await postOverHttp(server, `{ meeting(slug: "${SLUG}") { summaryEn } }`);
    expect(after.json.data.meeting.summaryEn).not.toBe("Written to the primary.");
    expect(after.json.data.meeting.summaryEn.length).toBeGreaterThan(20);
  });
});

it("DATABASE_READ_URL is refused unless both URLs are PostgreSQL", () => {
  const pgTarget = { provider: "postgres" as const, url: "postgres://db/primary" };
  expect(readUrlFromEnv(pgTarget, undefined)).toBeUndefined();
  expect(readUrlFromEnv(pgTarget, "")).toBeUndefined();
  expect(readUrlFromEnv(pgTarget, "postgres://replica/db")).toBe("postgres://replica/db");
  expect(() => readUrlFromEnv(pgTarget, "file:replica.db")).toThrow(/DATABASE_READ_URL must be a postgres:\/\/ URL/);
  expect(() => readUrlFromEnv({ provider: "sqlite", file: "data/taawun.db" }, "postgres://replica/db")).toThrow(/needs DATABASE_URL to be PostgreSQL/);
});
