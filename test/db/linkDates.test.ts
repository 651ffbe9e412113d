import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { describeIfPostgres } from "../support/postgres.js";
import { seededPostgresDatabase } from "../support/seededPostgres.js";
import type { SeededPostgresDatabase } from "../support/seededPostgres.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// Participant.dateSort and MeetingTopic.dateSort are copies of the meeting's date kept by triggers
// (migration meeting_dates_on_links); the date-ordered pages of an actor's and a topic's meetings
// read them. A stale copy would silently misorder those pages, so every path that can change one
// is exercised here, on both databases, with plain SQL (as an import or the shell would write).
const MISMATCHES = `SELECT
  (SELECT COUNT(*) FROM "Participant" p JOIN "Meeting" m ON m.id = p."meetingId" WHERE p."dateSort" <> m."dateSort") +
  (SELECT COUNT(*) FROM "MeetingTopic" t JOIN "Meeting" m ON m.id = t."meetingId" WHERE t."dateSort" <> m."dateSort") AS n`;
const LINKS = `SELECT COUNT(*) AS n FROM "Participant" WHERE "dateSort" = ?`;
const MEETING = "2023-01-24-araji-munsch-baghdad";

describe("meeting dates copied onto participants and topic links (SQLite)", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await seededDatabase();
  });
  afterAll(() => database.remove());

  it("are filled by the seed, follow a meeting's new date, and are set on new and moved links", () => {
    const db = openDatabase(database.file);
    try {
      const n = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;
      expect(n(MISMATCHES)).toBe(0);
      expect(n(`SELECT COUNT(*) AS n FROM "Participant" WHERE "dateSort" = ''`)).toBe(n(`SELECT COUNT(*) AS n FROM "Participant" p JOIN "Meeting" m ON m.id = p.meetingId WHERE m.dateSort = ''`));
      const meeting = db.prepare(`SELECT id, dateSort FROM "Meeting" WHERE slug = ?`).get(MEETING) as { id: number; dateSort: string };
      expect(meeting.dateSort).toBe("2023-01-24");
      const participants = n(`SELECT COUNT(*) AS n FROM "Participant" WHERE meetingId = ?`, meeting.id);
      expect(participants).toBeGreaterThanOrEqual(2);

      db.prepare(`UPDATE "Meeting" SET dateSort = '1999-09-09' WHERE id = ?`).run(meeting.id);
      expect(n(LINKS, "1999-09-09")).toBe(participants);
      expect(n(MISMATCHES)).toBe(0);

      // A new link gets the copy whatever it was given; a link moved to another meeting takes that one's date.
      const row = db.prepare(`SELECT actorId, evidenceId FROM "Participant" WHERE meetingId = ? LIMIT 1`).get(meeting.id) as { actorId: number; evidenceId: number };
      const inserted = db.prepare(`INSERT INTO "Participant" (meetingId, actorId, role, evidenceId, dateSort) VALUES (?, ?, 'PRESENT', ?, 'wrong')`).run(meeting.id, row.actorId, row.evidenceId);
      expect(n(`SELECT COUNT(*) AS n FROM "Participant" WHERE id = ? AND dateSort = '1999-09-09'`, inserted.lastInsertRowid)).toBe(1);
      const other = db.prepare(`SELECT id, dateSort FROM "Meeting" WHERE id <> ? AND dateSort <> '' LIMIT 1`).get(meeting.id) as { id: number; dateSort: string };
      db.prepare(`UPDATE "Participant" SET meetingId = ? WHERE id = ?`).run(other.id, inserted.lastInsertRowid);
      expect(n(`SELECT COUNT(*) AS n FROM "Participant" WHERE id = ? AND dateSort = ?`, inserted.lastInsertRowid, other.dateSort)).toBe(1);
      db.prepare(`UPDATE "Participant" SET dateSort = 'tampered' WHERE id = ?`).run(inserted.lastInsertRowid);
      expect(n(MISMATCHES)).toBe(0);
    } finally {
      db.close();
    }
  });

  it("keep their triggers after every migration (a table redefinition drops a table's triggers)", () => {
    const db = openDatabase(database.file, { readonly: true });
    try {
      const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%dateSort%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
      expect(names).toEqual(["MeetingTopic_dateSort_insert", "MeetingTopic_dateSort_update", "Meeting_dateSort_links", "Participant_dateSort_insert", "Participant_dateSort_update"]);
    } finally {
      db.close();
    }
  });
});

describeIfPostgres("meeting dates copied onto participants and topic links (PostgreSQL)", () => {
  let database: SeededPostgresDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    database = await seededPostgresDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await database?.remove();
  });
  const n = async (sql: string, ...params: unknown[]) => {
    let i = 0;
    return Number((await client.query(sql.replace(/\?/g, () => `$${++i}`), params)).rows[0].n);
  };

  it("are filled by the seed, follow a meeting's new date, and are set on new and moved links", async () => {
    expect(await n(MISMATCHES)).toBe(0);
    const meeting = (await client.query(`SELECT id, "dateSort" FROM "Meeting" WHERE slug = $1`, [MEETING])).rows[0] as { id: number; dateSort: string };
    const participants = await n(`SELECT COUNT(*) AS n FROM "Participant" WHERE "meetingId" = ?`, meeting.id);
    expect(participants).toBeGreaterThanOrEqual(2);
    await client.query(`UPDATE "Meeting" SET "dateSort" = '1999-09-09' WHERE id = $1`, [meeting.id]);
    expect(await n(LINKS, "1999-09-09")).toBe(participants);
    const row = (await client.query(`SELECT "actorId", "evidenceId" FROM "Participant" WHERE "meetingId" = $1 LIMIT 1`, [meeting.id])).rows[0];
    const inserted = (
      await client.query(`INSERT INTO "Participant" ("meetingId", "actorId", role, "evidenceId", "dateSort") VALUES ($1, $2, 'PRESENT', $3, 'wrong') RETURNING id, "dateSort"`, [
        meeting.id,
        row.actorId,
        row.evidenceId,
      ])
    ).rows[0];
    expect(inserted.dateSort).toBe("1999-09-09");
    const other = (await client.query(`SELECT id, "dateSort" FROM "Meeting" WHERE id <> $1 AND "dateSort" <> '' LIMIT 1`, [meeting.id])).rows[0];
    await client.query(`UPDATE "Participant" SET "meetingId" = $1 WHERE id = $2`, [other.id, inserted.id]);
    expect(await n(`SELECT COUNT(*) AS n FROM "Participant" WHERE id = ? AND "dateSort" = ?`, inserted.id, other.dateSort)).toBe(1);
    await client.query(`UPDATE "Participant" SET "dateSort" = 'tampered' WHERE id = $1`, [inserted.id]);
    expect(await n(MISMATCHES)).toBe(0);
  });
});
