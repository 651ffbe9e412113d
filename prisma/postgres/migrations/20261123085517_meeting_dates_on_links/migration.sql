-- DropIndex
DROP INDEX "Participant_actorId_meetingId_idx";

-- DropIndex
DROP INDEX "MeetingTopic_topicId_meetingId_idx";

-- AlterTable
ALTER TABLE "Participant" ADD COLUMN     "dateSort" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "MeetingTopic" ADD COLUMN     "dateSort" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Participant_actorId_dateSort_meetingId_idx" ON "Participant"("actorId", "dateSort", "meetingId");

-- CreateIndex
CREATE INDEX "MeetingTopic_topicId_dateSort_meetingId_idx" ON "MeetingTopic"("topicId", "dateSort", "meetingId");


-- Hand-written below, twin of the SQLite migration's triggers: Participant.dateSort and
-- MeetingTopic.dateSort are copies of their meeting's dateSort (see prisma/migrations/<same>/).
-- BEFORE triggers set the copy on the row being written; the Meeting trigger moves the copies
-- when a meeting's date changes.
UPDATE "Participant" p SET "dateSort" = m."dateSort" FROM "Meeting" m WHERE m."id" = p."meetingId";
UPDATE "MeetingTopic" t SET "dateSort" = m."dateSort" FROM "Meeting" m WHERE m."id" = t."meetingId";

CREATE FUNCTION "link_date_sort"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."dateSort" := COALESCE((SELECT "dateSort" FROM "Meeting" WHERE "id" = NEW."meetingId"), '');
  RETURN NEW;
END
$$;
CREATE TRIGGER "Participant_dateSort" BEFORE INSERT OR UPDATE OF "meetingId", "dateSort" ON "Participant"
  FOR EACH ROW EXECUTE FUNCTION "link_date_sort"();
CREATE TRIGGER "MeetingTopic_dateSort" BEFORE INSERT OR UPDATE OF "meetingId", "dateSort" ON "MeetingTopic"
  FOR EACH ROW EXECUTE FUNCTION "link_date_sort"();

CREATE FUNCTION "meeting_date_sort_links"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Participant" SET "dateSort" = NEW."dateSort" WHERE "meetingId" = NEW."id";
  UPDATE "MeetingTopic" SET "dateSort" = NEW."dateSort" WHERE "meetingId" = NEW."id";
  RETURN NULL;
END
$$;
CREATE TRIGGER "Meeting_dateSort_links" AFTER UPDATE OF "dateSort" ON "Meeting"
  FOR EACH ROW WHEN (OLD."dateSort" IS DISTINCT FROM NEW."dateSort") EXECUTE FUNCTION "meeting_date_sort_links"();
