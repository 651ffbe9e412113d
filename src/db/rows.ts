/**
 * The read path's row types are Prisma's model types: Prisma owns the schema, so a column change
 * there breaks every resolver that reads it at compile time. Columns avoid DateTime, Boolean,
 * BigInt and Json so a raw SQLite row has exactly the model's shape.
 */
export type {
  Actor as ActorRow,
  ActorAlias as ActorAliasRow,
  Article as ArticleRow,
  Evidence as EvidenceRow,
  Meeting as MeetingRow,
  MeetingTopic as MeetingTopicRow,
  Mention as MentionRow,
  Participant as ParticipantRow,
  Place as PlaceRow,
  Position as PositionRow,
  Topic as TopicRow,
} from "../generated/prisma/client.js";
