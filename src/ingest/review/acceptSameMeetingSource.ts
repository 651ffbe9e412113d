import type { Tx } from "../../db/writeTransaction.js";
import { badUserInput } from "../../errors/badUserInput.js";
import type { SameMeetingCandidate } from "../matchKnownMeeting.js";
import type { MeetingProposal } from "../types.js";
import { ensureArticle } from "./ensureArticle.js";
import { evidenceFor } from "./evidenceFor.js";

/**
 * Adds the ingested article as a further source of a recorded meeting (one event reported by
 * several outlets stays one meeting), citing the new article's reporting sentence.
 */
export async function acceptSameMeetingSource(tx: Tx, ingestionId: number, p: SameMeetingCandidate & { proposed: MeetingProposal }): Promise<string> {
  const meeting = await tx.meeting.findUnique({ where: { slug: p.meeting }, select: { id: true } });
  if (!meeting) throw badUserInput(`The meeting ${p.meeting} is no longer in the record; reject this proposal.`, "id");
  const evidenceId = await evidenceFor(tx, await ensureArticle(tx, ingestionId), p.proposed.evidence);
  await tx.meetingSource.upsert({
    where: { meetingId_evidenceId: { meetingId: meeting.id, evidenceId } },
    create: { meetingId: meeting.id, evidenceId },
    update: {},
  });
  return `meeting:${p.meeting}`;
}
