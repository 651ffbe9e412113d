import type { ParticipantResolvers, ParticipantRole } from "../../../generated/graphql.js";

export const Participant: ParticipantResolvers = {
  actor: async (participant, _args, { loaders }) => (await loaders.actor.load(participant.actorId))!,
  role: (participant) => participant.role as ParticipantRole,
  representing: (participant, _args, { loaders }) => (participant.representingId == null ? null : loaders.actor.load(participant.representingId)),
  evidence: async (participant, _args, { loaders }) => (await loaders.evidence.load(participant.evidenceId))!,
};
