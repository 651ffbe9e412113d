import type { PositionResolvers } from "../../../generated/graphql.js";

export const Position: PositionResolvers = {
  organisation: (position, _args, { loaders }) => (position.organisationId == null ? null : loaders.actor.load(position.organisationId)),
  start: (position) => position.startDate,
  end: (position) => position.endDate,
  evidence: async (position, _args, { loaders }) => (await loaders.evidence.load(position.evidenceId))!,
};
