import type { MeetingKind, MeetingResolvers } from "../../../generated/graphql.js";
import type { TopicRow } from "../../../db/rows.js";
import { partialDateOf } from "../../../db/partialDate.js";
import { toGlobalId } from "../../../ids/globalId.js";

export const Meeting: MeetingResolvers = {
  id: (meeting) => toGlobalId("Meeting", meeting.id),
  kind: (meeting) => meeting.kind as MeetingKind,
  date: (meeting) => partialDateOf(meeting),
  place: (meeting, _args, { loaders }) => (meeting.placeId == null ? null : loaders.place.load(meeting.placeId)),
  placeEvidence: (meeting, _args, { loaders }) => (meeting.placeEvidenceId == null ? null : loaders.evidence.load(meeting.placeEvidenceId)),
  participants: (meeting, _args, { loaders }) => loaders.participantsOfMeeting.load(meeting.id),
  topics: async (meeting, _args, { loaders }) => {
    const links = await loaders.topicLinksOfMeeting.load(meeting.id);
    const ids = [...new Set(links.map((link) => link.topicId))];
    return (await loaders.topic.loadMany(ids)) as TopicRow[];
  },
  topicEvidence: (meeting, _args, { loaders }) => loaders.topicLinksOfMeeting.load(meeting.id),
  sources: (meeting, _args, { loaders }) => loaders.sourcesOfMeeting.load(meeting.id),
};
