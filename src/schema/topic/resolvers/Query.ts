import type { QueryResolvers } from "../../../generated/graphql.js";
import { topicColumns } from "../../../db/rows.js";
import type { TopicRow } from "../../../db/rows.js";
import { lookupOne } from "../../../db/lookupOne.js";

export const Query: Pick<QueryResolvers, "topic" | "topics"> = {
  topic: (_parent, args, { sql, loaders }) => lookupOne(sql, loaders.topic, "Topic", args),
  topics: (_parent, _args, { sql }) => sql.all<TopicRow>(`SELECT ${topicColumns()} FROM "Topic" WHERE parentId IS NULL ORDER BY id`),
};
