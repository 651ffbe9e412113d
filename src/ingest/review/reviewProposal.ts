import type { Tx } from "../../db/writeTransaction.js";
import { badUserInput } from "../../errors/badUserInput.js";
import { acceptMeeting } from "./acceptMeeting.js";
import { acceptMention } from "./acceptMention.js";
import { acceptNewActor } from "./acceptNewActor.js";
import { acceptSameMeetingSource } from "./acceptSameMeetingSource.js";
import { acceptTopic } from "./acceptTopic.js";

/** Kinds whose acceptance writes a fact: all the pipeline proposes. */
export const REVIEWABLE_KINDS = ["NEW_ACTOR", "MENTION", "MEETING", "SAME_MEETING_SOURCE", "TOPIC"] as const;

export type Review = { accept: true } | { accept: false; reason: string };

/** Before and after, for the audit log; null when no proposal has the id. */
export interface Reviewed {
  id: number;
  kind: string;
  result: string | null;
}

/**
 * Accepts or rejects one PROPOSED proposal inside the caller's transaction. Accepting writes the
 * fact it proposes (see the accept* functions); rejecting writes nothing but the decision, so a
 * rejected proposal never becomes a fact. A proposal already reviewed is refused, not redone.
 * When the last open proposal of an ingestion is decided, the ingestion becomes REVIEWED.
 */
export async function reviewProposal(tx: Tx, id: number, review: Review, reviewer: string): Promise<Reviewed | null> {
  const p = await tx.proposal.findUnique({ where: { id } });
  if (!p) return null;
  if (p.status !== "PROPOSED") throw badUserInput(`Proposal ${id} was already ${p.status.toLowerCase()}.`, "id");
  let result: string | null = null;
  if (review.accept) {
    const payload = JSON.parse(p.payload);
    if (p.kind === "NEW_ACTOR") result = await acceptNewActor(tx, p.ingestionId, payload);
    else if (p.kind === "MEETING") result = await acceptMeeting(tx, p.ingestionId, payload);
    else if (p.kind === "SAME_MEETING_SOURCE") result = await acceptSameMeetingSource(tx, p.ingestionId, payload);
    else if (p.kind === "MENTION") result = await acceptMention(tx, p.ingestionId, payload);
    else if (p.kind === "TOPIC") result = await acceptTopic(tx, p.ingestionId, payload);
    else throw badUserInput(`${p.kind} proposals are not reviewable yet: only ${REVIEWABLE_KINDS.join(", ")} can be accepted (any proposal can be rejected).`, "id");
  }
  await tx.proposal.update({
    where: { id },
    data: { status: review.accept ? "ACCEPTED" : "REJECTED", reviewedBy: reviewer, reviewedAt: new Date().toISOString(), reason: review.accept ? null : review.reason, result },
  });
  const open = await tx.proposal.count({ where: { ingestionId: p.ingestionId, status: "PROPOSED" } });
  if (open === 0) await tx.ingestion.update({ where: { id: p.ingestionId }, data: { status: "REVIEWED" } });
  return { id, kind: p.kind, result };
}
