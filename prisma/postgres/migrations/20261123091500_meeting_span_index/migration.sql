-- Hand-written (Prisma's datamodel has no partial indexes); the schema snapshot is unchanged.
-- Meetings whose date is not a single known day: an open bound, or a range. A meeting list
-- filtered by topic and a date window reads the window's meetings from
-- MeetingTopic(topicId, dateSort, meetingId) and only these from outside the window (a single-day
-- meeting outside the window cannot overlap it; src/db/meetingListSql.ts), so the query no longer
-- reads every meeting of the topic. Same statement on SQLite and PostgreSQL.
CREATE INDEX "Meeting_span_dateSort_idx" ON "Meeting"("dateSort", "id")
WHERE "dateEarliest" IS NULL OR "dateLatest" IS NULL OR "dateEarliest" <> "dateLatest";
