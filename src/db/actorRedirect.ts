import type { Redirect } from "./lookupOne.js";

/**
 * The actor a merged-away actor's id or slug now resolves to (`mergeActors` leaves an
 * ActorRedirect row), so links and ids clients saved before a merge keep working.
 */
export const actorRedirect: Redirect = async (sql, old) =>
  (await sql.get<{ actorId: number }>(
    "id" in old ? `SELECT actorId FROM "ActorRedirect" WHERE fromId = ?` : `SELECT actorId FROM "ActorRedirect" WHERE fromSlug = ?`,
    ["id" in old ? old.id : old.slug],
  ))?.actorId ?? null;
