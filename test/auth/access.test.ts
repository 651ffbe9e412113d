import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "../../src/auth/Caller.js";
import type { Caller } from "../../src/auth/Caller.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { createAccessApi } from "./support/accessApi.js";
import type { AccessApi } from "./support/accessApi.js";

const SLUG = "2023-01-24-araji-munsch-baghdad";
const UPDATE = `mutation ($slug: String!, $en: String, $ar: String) {
  updateMeetingSummary(slug: $slug, summaryEn: $en, summaryAr: $ar) { slug summaryEn summaryAr }
}`;
const AUDIT = `query ($first: Int, $after: String) {
  auditLog(first: $first, after: $after) { totalCount nodes { at actor action target details } pageInfo { hasNextPage endCursor } }
}`;

let database: TestDatabase;
let api: AccessApi;
let reader: Caller;
let editor: Caller;
let admin: Caller;

beforeAll(async () => {
  database = await seededDatabase();
  api = await createAccessApi(database.file);
  reader = (await api.key("reader-1", "reader")).caller;
  editor = (await api.key("editor-1", "editor")).caller;
  admin = (await api.key("admin-1", "admin")).caller;
});
afterAll(async () => {
  await api.close();
  database.remove();
});

const auditCount = () => (api.db.prepare(`SELECT COUNT(*) AS n FROM "AuditLog"`).get() as { n: number }).n;
const summaryOf = (slug: string) => api.db.prepare(`SELECT summaryEn, summaryAr FROM "Meeting" WHERE slug = ?`).get(slug) as { summaryEn: string; summaryAr: string };

async function onlyError(caller: Caller, query: string, variables?: Record<string, unknown>) {
  const { errors } = await api.run(caller, query, variables);
  expect(errors).toHaveLength(1);
  return { code: errors![0].extensions.code as string, message: errors![0].message as string };
}

describe("reads are public by default", () => {
  it("answers an anonymous read", async () => {
    const { data, errors } = await api.run(ANONYMOUS, `{ actor(slug: "qasim-al-araji") { nameEn } }`);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ actor: { nameEn: "Qasim al-Araji" } });
  });
});

describe("writes and admin reads need a key with the role, and never reveal whether the object exists", () => {
  it("answers an anonymous write with UNAUTHENTICATED, the same for a real and a made-up meeting", async () => {
    const before = summaryOf(SLUG);
    const real = await onlyError(ANONYMOUS, UPDATE, { slug: SLUG, en: "Changed." });
    const fake = await onlyError(ANONYMOUS, UPDATE, { slug: "no-such-meeting", en: "Changed." });
    expect(real.code).toBe("UNAUTHENTICATED");
    expect(fake).toEqual(real);
    expect(summaryOf(SLUG)).toEqual(before);
  });

  it("answers a reader's write with FORBIDDEN, the same for a real and a made-up meeting", async () => {
    const real = await onlyError(reader, UPDATE, { slug: SLUG, en: "Changed." });
    const fake = await onlyError(reader, UPDATE, { slug: "no-such-meeting", en: "Changed." });
    expect(real.code).toBe("FORBIDDEN");
    expect(fake).toEqual(real);
    expect(real.message).not.toContain(SLUG);
  });

  it("keeps key management and the audit log for admins, whatever the key asked about", async () => {
    for (const caller of [reader, editor]) {
      expect((await onlyError(caller, `{ apiKeys { name } }`)).code).toBe("FORBIDDEN");
      expect((await onlyError(caller, AUDIT)).code).toBe("FORBIDDEN");
      const real = await onlyError(caller, `mutation { revokeApiKey(name: "admin-1") { name } }`);
      const fake = await onlyError(caller, `mutation { revokeApiKey(name: "nobody") { name } }`);
      expect(real.code).toBe("FORBIDDEN");
      expect(fake).toEqual(real);
      expect((await onlyError(caller, `mutation { createApiKey(input: { name: "x", role: ADMIN }) { secret } }`)).code).toBe("FORBIDDEN");
    }
    expect((await onlyError(ANONYMOUS, `{ apiKeys { name } }`)).code).toBe("UNAUTHENTICATED");
  });

  it("wrote nothing, not even to the audit log, for any refused request", () => {
    expect(auditCount()).toBe(0);
  });
});

describe("an editor rewrites a meeting summary", () => {
  it("stores the trimmed text and records who, when, and the old and new values", async () => {
    const before = summaryOf(SLUG);
    const started = Date.now();
    const { data, errors } = await api.run(editor, UPDATE, { slug: SLUG, en: "  Al-Araji met Admiral Munsch in Baghdad.  " });
    expect(errors).toBeUndefined();
    expect(data.updateMeetingSummary).toEqual({ slug: SLUG, summaryEn: "Al-Araji met Admiral Munsch in Baghdad.", summaryAr: before.summaryAr });
    const [entry] = (await api.run(admin, AUDIT, { first: 1 })).data.auditLog.nodes;
    expect(entry).toMatchObject({ actor: "key:editor-1", action: "meeting.updateSummary", target: `meeting:${SLUG}` });
    expect(JSON.parse(entry.details)).toEqual({ old: { summaryEn: before.summaryEn }, new: { summaryEn: "Al-Araji met Admiral Munsch in Baghdad." } });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started - 1000);
    const row = api.db.prepare(`SELECT keyId FROM "AuditLog" ORDER BY id DESC LIMIT 1`).get() as { keyId: number };
    expect(row.keyId).toBe((editor as { keyId: number }).keyId);
  });

  it("answers null for an unknown meeting and writes no audit row", async () => {
    const count = auditCount();
    const { data, errors } = await api.run(editor, UPDATE, { slug: "no-such-meeting", ar: "ملخص" });
    expect(errors).toBeUndefined();
    expect(data.updateMeetingSummary).toBeNull();
    expect(auditCount()).toBe(count);
  });

  it.each([
    ["neither summary", {}, undefined],
    ["an empty summary", { en: "   " }, "summaryEn"],
    ["a summary over 2000 characters", { en: "x".repeat(2001) }, "summaryEn"],
    ["a control character", { en: "one\u0007two" }, "summaryEn"],
    ["a lone surrogate", { ar: "ملخص \ud800" }, "summaryAr"],
    ["an Arabic summary without Arabic letters", { ar: "Summary in English" }, "summaryAr"],
  ])("refuses %s with BAD_USER_INPUT and writes nothing", async (_name, input, argument) => {
    const before = summaryOf(SLUG);
    const count = auditCount();
    const { errors } = await api.run(editor, UPDATE, { slug: SLUG, ...input });
    expect(errors?.[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(errors?.[0].extensions.argument).toBe(argument);
    expect(summaryOf(SLUG)).toEqual(before);
    expect(auditCount()).toBe(count);
  });

  it("keeps a summary of exactly 2000 characters, and Arabic with line breaks", async () => {
    const ar = `${"ب".repeat(1000)}\n${"ت".repeat(999)}`;
    const { data, errors } = await api.run(editor, UPDATE, { slug: SLUG, ar });
    expect(errors).toBeUndefined();
    expect(data.updateMeetingSummary.summaryAr).toBe(ar);
  });

  it("writes the change and its audit row together: when the audit row fails, the change is undone", async () => {
    const before = summaryOf(SLUG);
    api.db.exec(`CREATE TRIGGER audit_down BEFORE INSERT ON "AuditLog" BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END`);
    try {
      const { errors } = await api.run(editor, UPDATE, { slug: SLUG, en: "This must not stay." });
      expect(errors?.[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
      expect(errors?.[0].message).not.toContain("audit log unavailable");
    } finally {
      api.db.exec(`DROP TRIGGER audit_down`);
    }
    expect(summaryOf(SLUG)).toEqual(before);
  });
});

describe("an admin manages keys", () => {
  it("makes a key whose secret is shown once and stored only as its sha256", async () => {
    const { data, errors } = await api.run(admin, `mutation { createApiKey(input: { name: "bot-1", role: EDITOR }) { secret apiKey { name role prefix createdBy revokedAt } } }`);
    expect(errors).toBeUndefined();
    const { secret, apiKey } = data.createApiKey;
    expect(secret).toMatch(/^tw_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toEqual({ name: "bot-1", role: "EDITOR", prefix: secret.slice(0, 9), createdBy: "key:admin-1", revokedAt: null });
    const row = api.db.prepare(`SELECT * FROM "ApiKey" WHERE name = 'bot-1'`).get() as Record<string, unknown>;
    expect(row.hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(api.db.prepare(`SELECT * FROM "ApiKey"`).all())).not.toContain(secret);
    expect(JSON.stringify(api.db.prepare(`SELECT * FROM "AuditLog"`).all())).not.toContain(secret);
    const listed = (await api.run(admin, `{ apiKeys { name role prefix } }`)).data.apiKeys;
    expect(listed.map((k: { name: string }) => k.name)).toEqual(["reader-1", "editor-1", "admin-1", "bot-1"]);
  });

  it("refuses a second key with the same name, and the failed write leaves no audit row", async () => {
    const count = auditCount();
    const error = await onlyError(admin, `mutation { createApiKey(input: { name: "bot-1", role: READER }) { secret } }`);
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("exists already");
    expect((await onlyError(admin, `mutation { createApiKey(input: { name: "has space", role: READER }) { secret } }`)).code).toBe("BAD_USER_INPUT");
    expect(auditCount()).toBe(count);
  });

  it("revokes a key once, audits it once, and answers null for an unknown name", async () => {
    const count = auditCount();
    const first = (await api.run(admin, `mutation { revokeApiKey(name: "bot-1") { name revokedAt } }`)).data.revokeApiKey;
    expect(first.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = (await api.run(admin, `mutation { revokeApiKey(name: "bot-1") { name revokedAt } }`)).data.revokeApiKey;
    expect(again).toEqual(first);
    expect(auditCount()).toBe(count + 1);
    expect((await api.run(admin, `mutation { revokeApiKey(name: "nobody") { name } }`)).data.revokeApiKey).toBeNull();
  });

  it("pages the audit log newest first", async () => {
    const all = (await api.run(admin, AUDIT, { first: 100 })).data.auditLog;
    expect(all.totalCount).toBe(auditCount());
    expect(all.nodes.map((n: { action: string }) => n.action).slice(0, 2)).toEqual(["apiKey.revoke", "apiKey.create"]);
    const page1 = (await api.run(admin, AUDIT, { first: 2 })).data.auditLog;
    const page2 = (await api.run(admin, AUDIT, { first: 2, after: page1.pageInfo.endCursor })).data.auditLog;
    expect([...page1.nodes, ...page2.nodes]).toEqual(all.nodes.slice(0, 4));
  });
});
