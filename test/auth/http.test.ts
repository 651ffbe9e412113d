import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import { createApiKey, revokeApiKey } from "../../src/auth/apiKeys.js";
import type { Role } from "../../src/auth/roles.js";
import { createPrisma } from "../../src/db/createPrisma.js";
import { writeTransaction } from "../../src/db/writeTransaction.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

let database: TestDatabase;
let prisma: PrismaClient;
let open: RunningServer;
let closed: RunningServer;
const secrets: Record<string, string> = {};

beforeAll(async () => {
  database = await seededDatabase();
  prisma = createPrisma(database.file);
  for (const [name, role] of [["reader", "reader"], ["editor", "editor"], ["admin", "admin"], ["gone", "admin"]] as [string, Role][]) {
    secrets[name] = (await writeTransaction(prisma, (tx) => createApiKey(tx, { name, role, createdBy: "test" }))).secret;
  }
  await writeTransaction(prisma, (tx) => revokeApiKey(tx, "gone"));
  open = await startServer({ file: database.file, port: 0, logger: silentLogger });
  closed = await startServer({ file: database.file, port: 0, logger: silentLogger, requireKeyForReads: true });
});
afterAll(async () => {
  await open.stop();
  await closed.stop();
  await prisma.$disconnect();
  database.remove();
});

async function post(server: RunningServer, query: string, authorization?: string) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, challenge: response.headers.get("www-authenticate"), body: (await response.json()) as any };
}

const READ = `{ actor(slug: "qasim-al-araji") { nameEn } }`;

describe("keys over HTTP", () => {
  it("accepts `Authorization: Bearer <key>` for a write the role allows", async () => {
    const { status, body } = await post(open, `mutation { updateMeetingSummary(slug: "2023-01-24-araji-munsch-baghdad", summaryAr: "ملخص جديد") { summaryAr } }`, `Bearer ${secrets.editor}`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { updateMeetingSummary: { summaryAr: "ملخص جديد" } } });
    const audit = await post(open, `{ auditLog(first: 1) { nodes { actor action } } }`, `bearer ${secrets.admin}`);
    expect(audit.body.data.auditLog.nodes).toEqual([{ actor: "key:editor", action: "meeting.updateSummary" }]);
  });

  it("answers an anonymous write 200 with UNAUTHENTICATED on the field, like any field error", async () => {
    const { status, body } = await post(open, `mutation { revokeApiKey(name: "admin") { name } }`);
    expect(status).toBe(200);
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    ["an unknown key", `Bearer tw_${"A".repeat(43)}`],
    ["a revoked key", "REVOKED"],
    ["junk", "Bearer not-a-key"],
    ["another scheme", "Basic dXNlcjpwYXNz"],
    ["no key after Bearer", "Bearer "],
  ])("refuses %s with 401 and a Bearer challenge, even for a public read", async (_name, header) => {
    const { status, challenge, body } = await post(open, READ, header === "REVOKED" ? `Bearer ${secrets.gone}` : header);
    expect(status).toBe(401);
    expect(challenge).toBe('Bearer realm="taawun"');
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("gives the same answer for an unknown and a revoked key", async () => {
    const unknown = await post(open, READ, `Bearer tw_${"A".repeat(43)}`);
    const revoked = await post(open, READ, `Bearer ${secrets.gone}`);
    expect(revoked.body).toEqual(unknown.body);
  });
});

describe("with TAAWUN_REQUIRE_KEY_FOR_READS=true", () => {
  it("refuses an anonymous read, introspection included, with 401", async () => {
    for (const query of [READ, `{ __schema { queryType { name } } }`]) {
      const { status, body } = await post(closed, query);
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
      expect(body.errors[0].message).toContain("needs an API key");
    }
  });

  it("answers a read with any valid key, the reader role included", async () => {
    const { status, body } = await post(closed, READ, `Bearer ${secrets.reader}`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { actor: { nameEn: "Qasim al-Araji" } } });
  });
});
