import type { Role } from "./roles.js";

/** Who sent a request: nobody in particular, or the holder of a valid API key. */
export type Caller = { kind: "anonymous" } | { kind: "key"; keyId: number; name: string; role: Role };

export const ANONYMOUS: Caller = Object.freeze({ kind: "anonymous" });

/** How the audit log names a caller: `key:<name>`, or `anonymous` (which never writes). */
export function auditActor(caller: Caller): string {
  return caller.kind === "key" ? `key:${caller.name}` : "anonymous";
}
