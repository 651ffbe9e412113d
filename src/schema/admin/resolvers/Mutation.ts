import type { MutationResolvers } from "../../../generated/graphql.js";
import { auditedWrite, writerOf } from "../../../audit/auditedWrite.js";
import { auditActor } from "../../../auth/Caller.js";
import { createApiKey, revokeApiKey } from "../../../auth/apiKeys.js";
import { requireRole } from "../../../auth/requireRole.js";

export const Mutation: Pick<MutationResolvers, "createApiKey" | "revokeApiKey"> = {
  createApiKey: (_parent, { input }, context) => {
    const admin = requireRole(context.caller, "admin");
    return auditedWrite(writerOf(context), admin, "apiKey.create", async (tx) => {
      const created = await createApiKey(tx, { name: input.name, role: input.role.toLowerCase(), createdBy: auditActor(admin) });
      return {
        value: { apiKey: created.key, secret: created.secret },
        audit: { target: `apiKey:${created.key.name}`, details: { role: created.key.role, prefix: created.key.prefix } },
      };
    });
  },
  revokeApiKey: (_parent, { name }, context) => {
    const admin = requireRole(context.caller, "admin");
    return auditedWrite(writerOf(context), admin, "apiKey.revoke", async (tx) => {
      const revoked = await revokeApiKey(tx, name);
      return {
        value: revoked?.key ?? null,
        audit: revoked?.changed ? { target: `apiKey:${revoked.key.name}`, details: { role: revoked.key.role, prefix: revoked.key.prefix } } : null,
      };
    });
  },
};
