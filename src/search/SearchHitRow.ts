import type { ActorRow, ArticleRow, MeetingRow, TopicRow } from "../db/rows.js";

/**
 * A `SearchHit` union member as its resolvers receive it: the record's row, tagged with its type,
 * since rows of different tables cannot be told apart reliably by shape.
 */
export type SearchHitRow =
  | (ArticleRow & { __typename: "Article" })
  | (ActorRow & { __typename: "Actor" })
  | (MeetingRow & { __typename: "Meeting" })
  | (TopicRow & { __typename: "Topic" });
