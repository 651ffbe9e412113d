import type { MutationResolvers } from "../../../generated/graphql.js";
import { auditedWrite, writerOf } from "../../../audit/auditedWrite.js";
import { requireRole } from "../../../auth/requireRole.js";
import { actorColumns } from "../../../db/rows.js";
import type { ActorRow } from "../../../db/rows.js";
import { mergeActors } from "../../../editing/mergeActors.js";
import { badUserInput } from "../../../errors/badUserInput.js";

const MAX_SLUG_LENGTH = 200;

export const Mutation: Pick<MutationResolvers, "mergeActors"> = {
  // Admin only: a merge deletes an actor and rewrites many facts at once.
  mergeActors: async (_parent, { keep, drop }, context) => {
    const admin = requireRole(context.caller, "admin");
    for (const [name, value] of [["keep", keep], ["drop", drop]] as const) {
      if (value.length > MAX_SLUG_LENGTH) throw badUserInput(`\`${name}\` may be at most ${MAX_SLUG_LENGTH} characters.`, name);
    }
    const summary = await auditedWrite(writerOf(context), admin, "actor.merge", async (tx) => {
      const s = await mergeActors(tx, keep, drop);
      return { value: s, audit: { target: `actor:${keep}`, details: { ...s } } };
    });
    // Read back through the read path's connection (WAL: it sees the commit), not the loader cache.
    return (await context.sql.get<ActorRow>(`SELECT ${actorColumns()} FROM "Actor" WHERE slug = ?`, [summary.keep]))!;
  },
};
