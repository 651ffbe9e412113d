import type { ActorKind, ActorResolvers } from "../../../generated/graphql.js";
import { toGlobalId } from "../../../ids/globalId.js";

export const Actor: ActorResolvers = {
  id: (actor) => toGlobalId("Actor", actor.id),
  kind: (actor) => actor.kind as ActorKind,
  aliases: (actor, _args, { loaders }) => loaders.aliasesOfActor.load(actor.id),
  affiliation: (actor, _args, { loaders }) => (actor.affiliationId == null ? null : loaders.actor.load(actor.affiliationId)),
  affiliates: (actor, _args, { loaders }) => loaders.affiliatesOfActor.load(actor.id),
  positions: (actor, _args, { loaders }) => loaders.positionsOfActor.load(actor.id),
  meetings: (actor, { includeAffiliates, ...page }, { loaders }) =>
    (includeAffiliates ? loaders.meetingsOfActorAndAffiliates : loaders.meetingsOfActor).load(actor.id, page),
  articles: (actor, page, { loaders }) => loaders.articlesOfActor.load(actor.id, page),
  mentions: (actor, _args, { loaders }) => loaders.mentionsOfActor.load(actor.id),
  counterparts: (actor, { includeAffiliates }, { loaders }) =>
    (includeAffiliates ? loaders.counterpartsOfActorAndAffiliates : loaders.counterpartsOfActor).load(actor.id),
};
