import type { SqlReader } from "../db/Sql.js";
import { ANONYMOUS } from "./Caller.js";
import type { Caller } from "./Caller.js";
import { hashSecret, looksLikeSecret } from "./apiKeySecret.js";
import { unauthenticated } from "./authErrors.js";
import { isRole } from "./roles.js";

/** Who may read. Writes always need a key with a role (see requireRole). */
export interface AccessPolicy {
  /** TAAWUN_REQUIRE_KEY_FOR_READS=true: every request needs a valid key; default: reads are public. */
  requireKeyForReads: boolean;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * The caller named by an `Authorization` header. A header that is present but wrong is refused
 * outright (401) even where reads are public: a client whose key was revoked or mistyped should
 * learn so at once, not carry on silently as an anonymous reader and fail only when it writes.
 */
export async function authenticate(header: string | undefined, sql: SqlReader, policy: AccessPolicy): Promise<Caller> {
  if (header === undefined || header.trim() === "") {
    if (policy.requireKeyForReads) throw unauthenticated("This server needs an API key for every request.", { refuseRequest: true });
    return ANONYMOUS;
  }
  const secret = BEARER.exec(header)?.[1];
  if (secret === undefined) throw unauthenticated("The Authorization header must be `Bearer <key>`.", { refuseRequest: true });
  // The shape check spares the database a lookup for obvious junk; it says nothing the 401 does not.
  const row = looksLikeSecret(secret)
    ? await sql.get<{ id: number; name: string; role: string; revokedAt: string | null }>(
        `SELECT id, name, role, revokedAt FROM "ApiKey" WHERE hash = ?`,
        [hashSecret(secret)],
      )
    : undefined;
  if (!row || row.revokedAt !== null || !isRole(row.role)) {
    // One message for unknown, revoked and malformed keys: the answer reveals nothing about which keys exist.
    throw unauthenticated("The API key is unknown or has been revoked.", { refuseRequest: true });
  }
  return { kind: "key", keyId: row.id, name: row.name, role: row.role };
}

/** The policy from the environment: reads are public unless TAAWUN_REQUIRE_KEY_FOR_READS=true. */
export function accessPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): AccessPolicy {
  return { requireKeyForReads: env.TAAWUN_REQUIRE_KEY_FOR_READS === "true" };
}
