import { spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/db/createPrisma.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { writeTransaction } from "../../src/db/writeTransaction.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

let database: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  database = await seededDatabase();
  prisma = createPrisma(database.file);
});
afterAll(async () => {
  await prisma.$disconnect();
  database.remove();
});

/** Another connection that never waits: it fails at once when the write lock is taken. */
const impatient = () => new BetterSqlite3(database.file, { timeout: 0 });
const audit = { at: "2026-01-01T00:00:00.000Z", actor: "test", action: "test.write", target: null };

describe("SQLite under concurrent use", () => {
  it("runs both connections in WAL mode with a 5 s busy timeout and foreign keys on", async () => {
    const db = openDatabase(database.file);
    expect([db.pragma("journal_mode", { simple: true }), db.pragma("busy_timeout", { simple: true }), db.pragma("foreign_keys", { simple: true })]).toEqual(["wal", 5000, 1]);
    db.close();
    const pragma = async (name: string) => Object.values((await prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
    expect([await pragma("journal_mode"), Number(await pragma("busy_timeout")), Number(await pragma("foreign_keys"))]).toEqual(["wal", 5000, 1]);
  });

  it("takes the write lock with a write transaction's first statement, like BEGIN IMMEDIATE", async () => {
    const other = impatient();
    try {
      await writeTransaction(prisma, async () => {
        expect(() => other.exec("BEGIN IMMEDIATE")).toThrow(/database is locked/);
      });
      other.exec("BEGIN IMMEDIATE");
      other.exec("ROLLBACK");
    } finally {
      other.close();
    }
  });

  it("shows why: a plain Prisma transaction that reads first fails at once if another writer commits in between", async () => {
    const other = impatient();
    let otherCommitted = false;
    try {
      const attempt = prisma.$transaction(async (tx) => {
        await tx.auditLog.count(); // a read: the transaction now holds a snapshot but no lock
        other.prepare(`INSERT INTO "AuditLog" (at, actor, action) VALUES ('2026-01-01', 'other', 'other.write')`).run();
        otherCommitted = true;
        await tx.auditLog.create({ data: audit }); // cannot upgrade a stale snapshot: SQLITE_BUSY, no waiting
      });
      await expect(attempt).rejects.toThrow(/database is locked|SQLITE_BUSY|SocketTimeout|busy/i);
      expect(otherCommitted).toBe(true);
      // The same sequence in a write transaction cannot happen: the other writer would be the one to wait.
    } finally {
      other.close();
    }
  });

  it("makes a second writer wait for the first (busy timeout) instead of failing", async () => {
    // Another process holds the write lock for 400 ms; a write here waits it out and succeeds.
    const script = `const D = require("better-sqlite3"); const db = new D(process.argv[1]); db.exec("BEGIN IMMEDIATE");
      db.prepare('INSERT INTO "AuditLog" (at, actor, action) VALUES (?, ?, ?)').run("2026-01-01", "holder", "holder.write");
      console.log("locked"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400); db.exec("COMMIT"); db.close();`;
    const holder = spawn(process.execPath, ["-e", script, database.file], { cwd: join(import.meta.dirname, "../..") });
    const [chunk] = (await once(holder.stdout, "data")) as [Buffer];
    expect(chunk.toString()).toContain("locked");
    const started = performance.now();
    await writeTransaction(prisma, (tx) => tx.auditLog.create({ data: audit }));
    expect(performance.now() - started).toBeGreaterThan(200);
    await once(holder, "exit");
    expect(await prisma.auditLog.count({ where: { action: { in: ["holder.write", "test.write"] } } })).toBe(2);
  });
});
