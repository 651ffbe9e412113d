import type { Resolvers } from "../generated/graphql.js";
import { DateScalar } from "./base/resolvers/DateScalar.js";
import { Evidence } from "./base/resolvers/Evidence.js";
import { Node } from "./base/resolvers/Node.js";
import { PartialDate } from "./base/resolvers/PartialDate.js";
import { Query as baseQuery } from "./base/resolvers/Query.js";
import { Actor } from "./actor/resolvers/Actor.js";
import { Alias } from "./actor/resolvers/Alias.js";
import { Counterpart } from "./actor/resolvers/Counterpart.js";
import { Position } from "./actor/resolvers/Position.js";
import { Query as actorQuery } from "./actor/resolvers/Query.js";
import { Article } from "./article/resolvers/Article.js";
import { Mention } from "./article/resolvers/Mention.js";
import { Query as articleQuery } from "./article/resolvers/Query.js";
import { Meeting } from "./meeting/resolvers/Meeting.js";
import { Participant } from "./meeting/resolvers/Participant.js";
import { TopicEvidence } from "./meeting/resolvers/TopicEvidence.js";
import { Query as meetingQuery } from "./meeting/resolvers/Query.js";
import { Topic } from "./topic/resolvers/Topic.js";
import { Query as topicQuery } from "./topic/resolvers/Query.js";
import { Place } from "./place/resolvers/Place.js";
import { Query as placeQuery } from "./place/resolvers/Query.js";
import { Query as searchQuery } from "./search/resolvers/Query.js";
import { SearchConnection } from "./search/resolvers/SearchConnection.js";
import { SearchEdge } from "./search/resolvers/SearchEdge.js";
import { SearchHit } from "./search/resolvers/SearchHit.js";
import { ApiKey } from "./admin/resolvers/ApiKey.js";
import { Mutation as adminMutation } from "./admin/resolvers/Mutation.js";
import { Query as adminQuery } from "./admin/resolvers/Query.js";
import { Mutation as editingMutation } from "./editing/resolvers/Mutation.js";
import { Ingestion } from "./ingest/resolvers/Ingestion.js";
import { IngestResult } from "./ingest/resolvers/IngestResult.js";
import { Mutation as ingestMutation } from "./ingest/resolvers/Mutation.js";
import { Mutation as mergeMutation } from "./ingest/resolvers/MergeMutation.js";
import { Proposal } from "./ingest/resolvers/Proposal.js";
import { Query as ingestQuery } from "./ingest/resolvers/Query.js";

/** Every feature's resolvers, merged; each feature owns its part of `Query`. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...baseQuery, ...actorQuery, ...articleQuery, ...meetingQuery, ...topicQuery, ...placeQuery, ...searchQuery, ...adminQuery, ...ingestQuery },
  // Writes: each checks the caller's role first (src/auth/requireRole.ts) and is audited.
  Mutation: { ...adminMutation, ...editingMutation, ...ingestMutation, ...mergeMutation },
  Node,
  Evidence,
  PartialDate,
  Actor,
  Alias,
  Counterpart,
  Position,
  Article,
  Mention,
  Meeting,
  Participant,
  TopicEvidence,
  Topic,
  Place,
  SearchConnection,
  SearchEdge,
  SearchHit,
  ApiKey,
  Proposal,
  Ingestion,
  IngestResult,
};
