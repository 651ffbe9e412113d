import type { ApiKeyRow } from "../audit/auditRows.js";
import type { SqlReader } from "../db/Sql.js";
import type { Tx } from "../db/writeTransaction.js";
import { badUserInput } from "../errors/badUserInput.js";
import { hashSecret, newSecret, secretPrefix } from "./apiKeySecret.js";
import { isRole, ROLES } from "./roles.js";
import type { Role } from "./roles.js";

/** Key names: short, printable, no spaces, so they read well in logs and on a command line. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** A key just made: its row, and the secret to hand over once. */
export interface CreatedKey {
  key: ApiKeyRow;
  secret: string;
}

export function checkKeyInput(name: string, role: string): Role {
  if (!NAME.test(name)) {
    throw badUserInput(`Key name "${name}" is not allowed: use 1–64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.`, "name");
  }
  if (!isRole(role)) throw badUserInput(`Role "${role}" is not one of ${ROLES.join(", ")}.`, "role");
  return role;
}

/** Makes a key inside the caller's (audited) transaction. Names are unique among all keys, revoked ones too. */
export async function createApiKey(tx: Tx, input: { name: string; role: string; createdBy: string }): Promise<CreatedKey> {
  const role = checkKeyInput(input.name, input.role);
  if (await tx.apiKey.findUnique({ where: { name: input.name }, select: { id: true } })) {
    throw badUserInput(`A key named "${input.name}" exists already (perhaps revoked): choose another name.`, "name");
  }
  const secret = newSecret();
  const key = await tx.apiKey.create({
    data: { name: input.name, role, hash: hashSecret(secret), prefix: secretPrefix(secret), createdAt: new Date().toISOString(), createdBy: input.createdBy },
  });
  return { key, secret };
}

/**
 * Revokes the key with this name or, from the command line (`byId`), this numeric id when no key
 * has it as its name. Revoking twice keeps the first time. Null when no key matches.
 */
export async function revokeApiKey(tx: Tx, ref: string, options: { byId?: boolean } = {}): Promise<{ key: ApiKeyRow; changed: boolean } | null> {
  let found = await tx.apiKey.findUnique({ where: { name: ref } });
  if (!found && options.byId && /^[1-9][0-9]{0,9}$/.test(ref)) found = await tx.apiKey.findUnique({ where: { id: Number(ref) } });
  if (!found) return null;
  if (found.revokedAt !== null) return { key: found, changed: false };
  const key = await tx.apiKey.update({ where: { id: found.id }, data: { revokedAt: new Date().toISOString() } });
  return { key, changed: true };
}

/** Every key, oldest first. The rows carry the hash; nothing that shows keys prints or serves it. */
export function listApiKeys(sql: SqlReader): Promise<ApiKeyRow[]> {
  return sql.all(`SELECT * FROM "ApiKey" ORDER BY id`);
}
