import { userInfo } from "node:os";
import type { Tx } from "../db/writeTransaction.js";

/** Who did a write and what it was: one AuditLog row. */
export interface AuditEntry {
  /** `key:<name>` or `cli:<os user>`. */
  actor: string;
  keyId: number | null;
  action: string;
  target: string | null;
  details?: Record<string, unknown>;
}

/**
 * Writes the audit row inside the caller's transaction, so the change and its record of who made
 * it commit together or not at all.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      at: new Date().toISOString(),
      actor: entry.actor,
      keyId: entry.keyId,
      action: entry.action,
      target: entry.target,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

/** How the audit log names whoever runs a command on the server (keys, import). */
export function cliActor(): string {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
    name = process.env.USER ?? process.env.LOGNAME ?? "unknown";
  }
  return `cli:${name}`;
}
