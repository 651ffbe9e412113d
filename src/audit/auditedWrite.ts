import type { Caller } from "../auth/Caller.js";
import { auditActor } from "../auth/Caller.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeTransaction } from "../db/writeTransaction.js";
import type { Tx } from "../db/writeTransaction.js";
import { recordAudit } from "./recordAudit.js";

/** What a write returns, and what the audit log should say about it (null: nothing was written). */
export interface Audited<T> {
  value: T;
  audit: { target: string | null; details?: Record<string, unknown> } | null;
}

/**
 * Runs a write and its audit row in one immediate transaction: either both commit, or neither.
 */
export function auditedWrite<T>(prisma: PrismaClient, caller: Caller, action: string, work: (tx: Tx) => Promise<Audited<T>>): Promise<T> {
  return writeTransaction(prisma, async (tx) => {
    const { value, audit } = await work(tx);
    if (audit) {
      await recordAudit(tx, { actor: auditActor(caller), keyId: caller.kind === "key" ? caller.keyId : null, action, ...audit });
    }
    return value;
  });
}

/** The context's Prisma client; a server built without one cannot write (a wiring error, not the caller's). */
export function writerOf(context: { prisma: PrismaClient | null }): PrismaClient {
  if (!context.prisma) throw new Error("This server was started without a database writer.");
  return context.prisma;
}
