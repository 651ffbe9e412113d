import type { TopicResolvers } from "../../../generated/graphql.js";
import { toGlobalId } from "../../../ids/globalId.js";

export const Topic: TopicResolvers = {
  id: (topic) => toGlobalId("Topic", topic.id),
  parent: (topic, _args, { loaders }) => (topic.parentId == null ? null : loaders.topic.load(topic.parentId)),
  children: (topic, _args, { loaders }) => loaders.childrenOfTopic.load(topic.id),
  keywordsAr: (topic) => JSON.parse(topic.keywordsAr) as string[],
  keywordsEn: (topic) => JSON.parse(topic.keywordsEn) as string[],
  meetings: (topic, { includeSubtopics, ...page }, { loaders }) =>
    (includeSubtopics === false ? loaders.meetingsOfTopic : loaders.meetingsOfTopicAndSubtopics).load(topic.id, page),
  articles: (topic, { includeSubtopics, ...page }, { loaders }) =>
    (includeSubtopics === false ? loaders.articlesOfTopic : loaders.articlesOfTopicAndSubtopics).load(topic.id, page),
};
