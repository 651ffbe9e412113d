import type { Tx } from "../../db/writeTransaction.js";
import type { MeetingProposal, TopicProposal } from "../types.js";
import { ensureArticle } from "./ensureArticle.js";
import { evidenceFor } from "./evidenceFor.js";
import { requireActor } from "./resolveActor.js";
import { slugify } from "./transliterate.js";
import { uniqueSlug } from "./uniqueSlug.js";
import { dateColumnsOf } from "../../db/partialDate.js";

type MeetingPayload = MeetingProposal & { topics: TopicProposal[] };

// When the text gives no date: an open range, said to be inferred (nothing was stated).
const UNDATED = { precision: "RANGE", earliest: null, latest: null, weekday: null, derivation: "INFERRED", text: null, note: "no date found in the text" };

/**
 * Records a proposed meeting: the article (stored once), Evidence for each quote, the meeting with
 * its place, date, participants (every new actor among them must have been accepted first), the
 * article as its source, and the article's topic tags. The Arabic summary is the reporting
 * sentence itself; the English one says it is still to be written. Returns `meeting:<slug>`.
 */
export async function acceptMeeting(tx: Tx, ingestionId: number, m: MeetingPayload): Promise<string> {
  const actors = [];
  for (const p of m.participants) actors.push({ ...p, ...(await requireActor(tx, ingestionId, p.actor)) });
  const articleId = await ensureArticle(tx, ingestionId);
  const date = m.date ?? UNDATED;
  const place = m.place ? await tx.place.findUnique({ where: { slug: m.place }, select: { id: true } }) : null;
  const names = await tx.actor.findMany({ where: { id: { in: actors.map((a) => a.id) } }, select: { id: true, nameEn: true } });
  const base = `${date.earliest ?? "undated"}-${actors.map((a) => a.slug.split("-").at(-1)).join("-")}`;
  const slug = await uniqueSlug(slugify(base), async (s) => (await tx.meeting.count({ where: { slug: s } })) > 0);
  const sourceEvidence = await evidenceFor(tx, articleId, m.evidence);
  const meeting = await tx.meeting.create({
    data: {
      slug,
      kind: m.kind,
      placeId: place?.id ?? null,
      placeEvidenceId: place && m.placeEvidence ? await evidenceFor(tx, articleId, m.placeEvidence) : null,
      summaryAr: m.evidence.quote,
      summaryEn: `${m.kind.toLowerCase().replace(/_/g, " ")}: ${names.map((n) => n.nameEn).join(", ")} (from an ingested article; English summary to be written)`,
      ...dateColumnsOf(date),
    },
    select: { id: true },
  });
  await tx.meetingSource.create({ data: { meetingId: meeting.id, evidenceId: sourceEvidence } });
  const seen = new Set<string>();
  for (const a of actors) {
    if (seen.has(`${a.id}:${a.role}`)) continue;
    seen.add(`${a.id}:${a.role}`);
    await tx.participant.create({ data: { meetingId: meeting.id, actorId: a.id, role: a.role, evidenceId: await evidenceFor(tx, articleId, a.evidence) } });
  }
  for (const t of m.topics) {
    const topic = await tx.topic.findUnique({ where: { slug: t.topic }, select: { id: true } });
    if (topic) await tx.meetingTopic.create({ data: { meetingId: meeting.id, topicId: topic.id, evidenceId: await evidenceFor(tx, articleId, t.evidence) } });
  }
  return `meeting:${slug}`;
}
