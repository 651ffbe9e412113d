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

/** Every feature's resolvers, merged; each feature owns its part of `Query`. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  Query: { ...baseQuery, ...actorQuery, ...articleQuery, ...meetingQuery, ...topicQuery, ...placeQuery },
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
};
