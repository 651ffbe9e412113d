import type { Tx } from "../../db/writeTransaction.js";
import { badUserInput } from "../../errors/badUserInput.js";
import type { TopicProposal } from "../types.js";
import { ensureArticle } from "./ensureArticle.js";
import { evidenceFor } from "./evidenceFor.js";

/** Records that the stored article discusses a topic (ArticleTopic), citing the sentence that triggered the tag. */
export async function acceptTopic(tx: Tx, ingestionId: number, t: TopicProposal): Promise<string> {
  const topic = await tx.topic.findUnique({ where: { slug: t.topic }, select: { id: true } });
  if (!topic) throw badUserInput(`The topic ${t.topic} is no longer in the record; reject this proposal.`, "id");
  const articleId = await ensureArticle(tx, ingestionId);
  const evidenceId = await evidenceFor(tx, articleId, t.evidence);
  await tx.articleTopic.upsert({
    where: { articleId_topicId_evidenceId: { articleId, topicId: topic.id, evidenceId } },
    create: { articleId, topicId: topic.id, evidenceId },
    update: {},
  });
  return `topic:${t.topic}`;
}
