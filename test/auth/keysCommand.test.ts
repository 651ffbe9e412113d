import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { migratedDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

const ROOT = join(import.meta.dirname, "../..");
let database: TestDatabase;
beforeAll(() => {
  database = migratedDatabase();
});
afterAll(() => database.remove());

const keys = (...args: string[]) => {
  const run = spawnSync(join(ROOT, "node_modules/.bin/tsx"), ["src/cli/keysCommand.ts", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${database.file}` }, encoding: "utf8" });
  return { status: run.status, out: run.stdout, err: run.stderr };
};

describe("npm run keys", () => {
  it("creates a key, shows its secret once, lists it without the secret, revokes it, and audits both", () => {
    const created = keys("create", "--role", "editor", "--name", "ingest-bot");
    expect(created.status).toBe(0);
    const secret = /(tw_[A-Za-z0-9_-]{43})/.exec(created.out)?.[1];
    expect(secret).toBeDefined();
    const listed = keys("list");
    expect(listed.out).toContain("ingest-bot");
    expect(listed.out).toContain(secret!.slice(0, 9));
    expect(listed.out).not.toContain(secret);
    expect(keys("revoke", "ingest-bot").out).toContain('Revoked "ingest-bot"');
    const db = openDatabase(database.file, { readonly: true });
    const audit = db.prepare(`SELECT actor, action, target FROM "AuditLog" ORDER BY id`).all() as { actor: string; action: string; target: string }[];
    const revokedAt = (db.prepare(`SELECT revokedAt FROM "ApiKey"`).get() as { revokedAt: string | null }).revokedAt;
    db.close();
    expect(audit.map((a) => [a.action, a.target])).toEqual([["apiKey.create", "apiKey:ingest-bot"], ["apiKey.revoke", "apiKey:ingest-bot"]]);
    expect(audit[0]!.actor).toMatch(/^cli:/);
    expect(revokedAt).not.toBeNull();
  });

  it("explains what is wrong instead of failing with a stack trace", () => {
    const badRole = keys("create", "--role", "owner", "--name", "x");
    expect(badRole.status).toBe(1);
    expect(badRole.err).toContain('Role "owner" is not one of reader, editor, admin.');
    const unknown = keys("revoke", "nobody");
    expect(unknown.status).toBe(1);
    expect(unknown.err).toContain("npm run keys -- list");
    const usage = keys("frobnicate");
    expect(usage.status).toBe(1);
    expect(usage.err).toContain("Usage:");
    expect(`${badRole.err}${unknown.err}${usage.err}`).not.toMatch(/\n\s+at /);
  });
});
