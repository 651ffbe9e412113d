import { openDatabase } from "../../src/db/openDatabase.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

/** The id an actor merged away had, kept by the redirect {@link trickyDatabase} adds. */
export const MERGED_ACTOR_ID = 99_998;
export const MERGED_ACTOR_SLUG = "merged-away-actor";

/** Text with everything JSON must escape, and more: quotes, backslash, controls, line separators, astral. */
export const AWKWARD_TEXT = `Qasim "al-Araji" \\ back\\slash\ttab\nline\r\nCRLF\u2028LS\u2029PS \u0001\u001f 😀 </script> ‏عربي‎`;

/**
 * The seed record with the shapes it happens not to hold, where two readers could disagree: a
 * topic linked twice to one meeting (and a new one between), an actor in two roles at one meeting,
 * two mentions starting at the same offset (ties in `field, start` order), awkward strings and
 * JSON arrays written with escapes, an article with an open date (`dateSort` ''), positions with
 * and without a start, a merged actor's redirect, and coordinates of 17 significant digits.
 */
export async function trickyDatabase(): Promise<TestDatabase> {
  const database = await seededDatabase();
  const db = openDatabase(database.file);
  try {
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
    const id = (slug: string, table: string) => one<{ id: number }>(`SELECT id FROM "${table}" WHERE slug = ?`, slug).id;
    const araji = id("qasim-al-araji", "Actor");
    const munsch = id("stuart-munsch", "Actor");
    const meeting = id("2023-01-24-araji-munsch-baghdad", "Meeting");
    const article = id("003_e671d139e0bcab16", "Article");
    const plain = id("001_b7e3ec9679121fa0", "Article");
    db.transaction(() => {
      db.prepare(`UPDATE "Actor" SET nameEn = ?, wikidata = '0123' WHERE id = ?`).run(AWKWARD_TEXT, araji);
      db.prepare(`INSERT INTO "ActorAlias" (actorId, text, lang) VALUES (?, ?, 'en')`).run(araji, `${AWKWARD_TEXT} (alias)`);
      db.prepare(`UPDATE "Meeting" SET summaryEn = ? WHERE id = ?`).run(AWKWARD_TEXT, meeting);

      // A new quote in the article, for new links.
      const body = one<{ body: string }>(`SELECT body FROM "Article" WHERE id = ?`, article).body;
      const evidence = Number(
        db.prepare(`INSERT INTO "Evidence" (articleId, field, start, "end", quote) VALUES (?, 'BODY', 3, 11, ?)`).run(article, body.slice(3, 11)).lastInsertRowid,
      );
      // The meeting's first topic again (a second quote for it), a topic it did not have, then its second topic again.
      const topics = db.prepare(`SELECT topicId FROM "MeetingTopic" WHERE meetingId = ? ORDER BY id`).pluck().all(meeting) as number[];
      const fresh = one<{ id: number }>(`SELECT id FROM "Topic" WHERE id NOT IN (SELECT topicId FROM "MeetingTopic" WHERE meetingId = ?) ORDER BY id DESC LIMIT 1`, meeting).id;
      const link = db.prepare(`INSERT INTO "MeetingTopic" (meetingId, topicId, evidenceId) VALUES (?, ?, ?)`);
      for (const topic of [topics[0]!, fresh, topics[1] ?? topics[0]!]) link.run(meeting, topic, evidence);
      db.prepare(`INSERT INTO "MeetingSource" (meetingId, evidenceId) VALUES (?, ?)`).run(meeting, evidence);
      // Munsch in a second role at the same meeting.
      const roles = db.prepare(`SELECT role FROM "Participant" WHERE meetingId = ? AND actorId = ?`).pluck().all(meeting, munsch) as string[];
      const role = ["PRESENT", "DELEGATION_MEMBER", "VISITOR"].find((r) => !roles.includes(r))!;
      db.prepare(`INSERT INTO "Participant" (meetingId, actorId, role, evidenceId) VALUES (?, ?, ?, ?)`).run(meeting, munsch, role, evidence);

      // Two more mentions starting where one of al-Araji's does: one his, one Munsch's.
      const mention = one<{ field: string; start: number; end: number }>(
        `SELECT field, start, "end" FROM "Mention" WHERE articleId = ? AND actorId = ? AND "end" - start >= 4 ORDER BY start LIMIT 1`,
        article,
        araji,
      );
      const text = (end: number) => body.slice(mention.start, end);
      const add = db.prepare(`INSERT INTO "Mention" (articleId, actorId, field, start, "end", surface) VALUES (?, ?, ?, ?, ?, ?)`);
      add.run(article, munsch, mention.field, mention.start, mention.end - 1, text(mention.end - 1));
      add.run(article, araji, mention.field, mention.start, mention.end - 2, text(mention.end - 2));

      // Positions with and without a start day (ordered by COALESCE(startDate, ''), id).
      const position = db.prepare(`INSERT INTO "Position" (actorId, titleAr, titleEn, organisationId, startDate, endDate, evidenceId) VALUES (?, ?, ?, NULL, ?, ?, ?)`);
      position.run(araji, "مستشار", "Adviser (later)", "2021-06-01", null, evidence);
      position.run(araji, "مستشار", "Adviser (undated)", null, "2020-01-01", evidence);

      db.prepare(`UPDATE "Article" SET removedLines = ? WHERE id = ?`).run(
        String.raw`[ "tab\there", "quote \" and \\ backslash", "\u00e9t\u00e9", "\ud83d\ude00", "slash \/", "" ]`,
        plain,
      );
      db.prepare(`UPDATE "Article" SET datePrecision = 'RANGE', dateEarliest = NULL, dateLatest = NULL, dateWeekday = NULL, dateSort = '' WHERE id = ?`).run(plain);
      db.prepare(`UPDATE "Topic" SET keywordsEn = ? WHERE slug = 'security-cooperation'`).run(String.raw`["a \"quoted\" word","\u0627\u0644\u0623\u0645\u0646", "x"]`);
      db.prepare(`UPDATE "Place" SET lat = 33.31524123456789, lon = ? WHERE slug = 'baghdad'`).run(0.1 + 0.2);
      db.prepare(`INSERT INTO "ActorRedirect" (fromSlug, fromId, actorId) VALUES (?, ?, ?)`).run(MERGED_ACTOR_SLUG, MERGED_ACTOR_ID, araji);
    })();
  } finally {
    db.close();
  }
  return database;
}
