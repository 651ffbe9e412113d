-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Participant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "representingId" INTEGER,
    "evidenceId" INTEGER NOT NULL,
    "dateSort" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Participant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Participant_representingId_fkey" FOREIGN KEY ("representingId") REFERENCES "Actor" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Participant_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Participant" ("actorId", "evidenceId", "id", "meetingId", "representingId", "role") SELECT "actorId", "evidenceId", "id", "meetingId", "representingId", "role" FROM "Participant";
DROP TABLE "Participant";
ALTER TABLE "new_Participant" RENAME TO "Participant";
CREATE INDEX "Participant_actorId_dateSort_meetingId_idx" ON "Participant"("actorId", "dateSort", "meetingId");
CREATE UNIQUE INDEX "Participant_meetingId_actorId_role_key" ON "Participant"("meetingId", "actorId", "role");
CREATE TABLE "new_MeetingTopic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "evidenceId" INTEGER NOT NULL,
    "dateSort" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "MeetingTopic_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MeetingTopic_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_MeetingTopic" ("evidenceId", "id", "meetingId", "topicId") SELECT "evidenceId", "id", "meetingId", "topicId" FROM "MeetingTopic";
DROP TABLE "MeetingTopic";
ALTER TABLE "new_MeetingTopic" RENAME TO "MeetingTopic";
CREATE INDEX "MeetingTopic_topicId_dateSort_meetingId_idx" ON "MeetingTopic"("topicId", "dateSort", "meetingId");
CREATE UNIQUE INDEX "MeetingTopic_meetingId_topicId_evidenceId_key" ON "MeetingTopic"("meetingId", "topicId", "evidenceId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Hand-written below (Prisma's datamodel cannot describe triggers): Participant.dateSort and
-- MeetingTopic.dateSort are copies of their meeting's dateSort, so "an actor's (a topic's)
-- meetings in date order" is a walk of one index range instead of a sort of every match. Triggers
-- keep the copies right whichever connection writes (Prisma, imports, the bench generator, the
-- sqlite3 shell); test/db/linkDates.test.ts checks them, and that no later migration drops them.
UPDATE "Participant" SET "dateSort" = COALESCE((SELECT m."dateSort" FROM "Meeting" m WHERE m."id" = "Participant"."meetingId"), '');
UPDATE "MeetingTopic" SET "dateSort" = COALESCE((SELECT m."dateSort" FROM "Meeting" m WHERE m."id" = "MeetingTopic"."meetingId"), '');

CREATE TRIGGER "Participant_dateSort_insert" AFTER INSERT ON "Participant" BEGIN
  UPDATE "Participant" SET "dateSort" = COALESCE((SELECT "dateSort" FROM "Meeting" WHERE "id" = new."meetingId"), '') WHERE "id" = new."id";
END;
CREATE TRIGGER "Participant_dateSort_update" AFTER UPDATE OF "meetingId", "dateSort" ON "Participant" BEGIN
  UPDATE "Participant" SET "dateSort" = COALESCE((SELECT "dateSort" FROM "Meeting" WHERE "id" = new."meetingId"), '')
  WHERE "id" = new."id" AND "dateSort" IS NOT COALESCE((SELECT "dateSort" FROM "Meeting" WHERE "id" = new."meetingId"), '');
END;
CREATE TRIGGER "MeetingTopic_dateSort_insert" AFTER INSERT ON "MeetingTopic" BEGIN
  UPDATE "MeetingTopic" SET "dateSort" = COALESCE((SELECT "dateSort" FROM "Meeting" WHERE "id" = new."meetingId"), '') WHERE "id" = new."id";
END;
CREATE TRIGGER "MeetingTopic_dateSort_update" AFTER UPDATE OF "meetingId", "dateSort" ON "MeetingTopic" BEGIN
  UPDATE "MeetingTopic" SET "dateSort" = COALESCE((SELECT "dateSort" FROM "Meeting" WHERE "id" = new."meetingId"), '')
  WHERE "id" = new."id" AND "dateSort" IS NOT COALESCE((SELECT "dateSort" FROM "Meeting" WHERE "id" = new."meetingId"), '');
END;
CREATE TRIGGER "Meeting_dateSort_links" AFTER UPDATE OF "dateSort" ON "Meeting" WHEN old."dateSort" IS NOT new."dateSort" BEGIN
  UPDATE "Participant" SET "dateSort" = new."dateSort" WHERE "meetingId" = new."id";
  UPDATE "MeetingTopic" SET "dateSort" = new."dateSort" WHERE "meetingId" = new."id";
END;
