import type { Caller } from "./Caller.js";
import { forbidden, unauthenticated } from "./authErrors.js";
import { roleAtLeast } from "./roles.js";
import type { Role } from "./roles.js";

/**
 * The guard every protected resolver calls first, before it reads its arguments or the database:
 * that order is what keeps UNAUTHENTICATED and FORBIDDEN from revealing whether an object exists.
 * Returns the caller narrowed to a key holder, for the audit log.
 */
export function requireRole(caller: Caller, need: Role): Extract<Caller, { kind: "key" }> {
  if (caller.kind !== "key") throw unauthenticated(`This needs an API key with the ${need} role.`);
  if (!roleAtLeast(caller.role, need)) throw forbidden(need);
  return caller;
}
