import type { TopicEvidenceResolvers } from "../../../generated/graphql.js";

export const TopicEvidence: TopicEvidenceResolvers = {
  topic: async (link, _args, { loaders }) => (await loaders.topic.load(link.topicId))!,
  evidence: async (link, _args, { loaders }) => (await loaders.evidence.load(link.evidenceId))!,
};
