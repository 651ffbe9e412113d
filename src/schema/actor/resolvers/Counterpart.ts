import type { CounterpartResolvers } from "../../../generated/graphql.js";
import type { MeetingRow } from "../../../db/rows.js";

export const Counterpart: CounterpartResolvers = {
  actor: async (counterpart, _args, { loaders }) => (await loaders.actor.load(counterpart.actorId))!,
  meetings: async (counterpart, _args, { loaders }) => {
    const ids = (JSON.parse(counterpart.meetingIds) as number[]).sort((a, b) => a - b);
    const meetings = (await loaders.meeting.loadMany(ids)) as MeetingRow[];
    return meetings.sort((a, b) => a.dateSort.localeCompare(b.dateSort) || a.id - b.id);
  },
};
