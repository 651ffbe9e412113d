import type { Tx } from "../../db/writeTransaction.js";
import type { MentionProposal } from "../types.js";
import { ensureArticle } from "./ensureArticle.js";
import { requireActor } from "./resolveActor.js";

/**
 * Records one occurrence of an actor in the stored article (a new actor must have been accepted
 * first). A span already holding a mention is left as it is: one span names one actor.
 */
export async function acceptMention(tx: Tx, ingestionId: number, m: MentionProposal): Promise<string> {
  const actor = await requireActor(tx, ingestionId, m.actor);
  const articleId = await ensureArticle(tx, ingestionId);
  const span = { articleId, field: m.field, start: m.start, end: m.end };
  const existing = await tx.mention.findUnique({ where: { articleId_field_start_end: span }, select: { id: true } });
  if (!existing) await tx.mention.create({ data: { ...span, actorId: actor.id, surface: m.quote } });
  return `actor:${actor.slug}`;
}
