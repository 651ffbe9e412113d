import type { QueryResolvers } from "../../../generated/graphql.js";
import type { MeetingRow } from "../../../db/rows.js";
import { listPage } from "../../../db/listPage.js";
import { lookupOne } from "../../../db/lookupOne.js";
import { meetingListSql } from "../../../db/meetingListSql.js";

export const Query: Pick<QueryResolvers, "meeting" | "meetings"> = {
  meeting: (_parent, args, { sql, loaders }) => lookupOne(sql, loaders.meeting, "Meeting", args),
  meetings: (_parent, { filter, orderBy, ...page }, { sql }) =>
    listPage<MeetingRow>(sql, meetingListSql(sql, filter), orderBy === "DATE_DESC" ? "DESC" : "ASC", page),
};
