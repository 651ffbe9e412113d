import type { Tx } from "../../db/writeTransaction.js";
import { badUserInput } from "../../errors/badUserInput.js";

/**
 * The actor id a proposal refers to: a known slug, or `new:…`, the key of a NEW_ACTOR proposal of
 * the same ingestion, which must have been accepted first (its result names the actor made).
 * Returns null for a new actor not yet accepted, so the caller can say which proposal to review.
 */
export async function resolveActor(tx: Tx, ingestionId: number, ref: string): Promise<{ id: number; slug: string } | { pending: number | null }> {
  if (!ref.startsWith("new:")) {
    const actor = await tx.actor.findUnique({ where: { slug: ref }, select: { id: true, slug: true } });
    if (actor) return actor;
    // Merged since the text was ingested: the redirect names the actor kept.
    const moved = await tx.actorRedirect.findUnique({ where: { fromSlug: ref }, select: { actor: { select: { id: true, slug: true } } } });
    return moved?.actor ?? { pending: null };
  }
  const proposals = await tx.proposal.findMany({ where: { ingestionId, kind: "NEW_ACTOR" }, select: { id: true, payload: true, status: true, result: true } });
  const proposal = proposals.find((p) => (JSON.parse(p.payload) as { key: string }).key === ref);
  if (!proposal || proposal.status !== "ACCEPTED" || !proposal.result?.startsWith("actor:")) return { pending: proposal?.id ?? null };
  const slug = proposal.result.slice("actor:".length);
  const actor = await tx.actor.findUnique({ where: { slug }, select: { id: true, slug: true } });
  return actor ?? { pending: proposal.id };
}

/** {@link resolveActor}, refusing with BAD_USER_INPUT when the actor is not in the record yet. */
export async function requireActor(tx: Tx, ingestionId: number, ref: string): Promise<{ id: number; slug: string }> {
  const found = await resolveActor(tx, ingestionId, ref);
  if ("id" in found) return found;
  throw badUserInput(
    found.pending !== null
      ? `Accept NEW_ACTOR proposal ${found.pending} (${ref}) first, or reject this proposal.`
      : `The actor ${ref} is not in the record.`,
    "id",
  );
}
