import type { ActorAlias, Evidence, MeetingTopic, Mention, Participant, Place, Position } from "../generated/prisma/client.js";
import type { SqlReader } from "../db/Sql.js";
import { actorColumns, articleColumns, meetingColumns, topicColumns } from "../db/rows.js";
import type { ActorRow, ArticleRow, MeetingRow, TopicRow } from "../db/rows.js";
import { treeCte } from "../db/treeCte.js";
import type { CounterpartRow } from "../db/counterparts.js";
import { rowsById } from "./rowsById.js";
import { rowsByKey } from "./rowsByKey.js";
import { PagedChildren } from "./pagedChildren.js";

const IN_KEYS = "(SELECT value FROM json_each(?))";
const ARTICLE_KEY = "COALESCE(ar.dateSort, '')";

/**
 * Every loader one request uses. Built per request so a cache never outlives the request that
 * filled it (a write between requests is always seen) and statement counts are per request.
 */
export function createLoaders(sql: SqlReader) {
  // Participant.dateSort and MeetingTopic.dateSort copy the meeting's (triggers), so one actor's or
  // topic's meetings come in date order from the (actorId|topicId, dateSort, meetingId) index; an
  // actor holding two roles in one meeting is listed once (NOT EXISTS keeps the first link).
  const actorMeetings = (descend: boolean) =>
    new PagedChildren<MeetingRow>(sql, {
      order: "ASC",
      inner: `${treeCte("Actor", descend)}
        SELECT ${meetingColumns("m")}, x.dateSort AS _k, x.meetingId AS _id, x.root AS _p
        FROM (SELECT DISTINCT tree.root, p.dateSort, p.meetingId FROM tree JOIN "Participant" p ON p.actorId = tree.id) x
        JOIN "Meeting" m ON m.id = x.meetingId`,
      ...(descend
        ? {}
        : {
            single: `SELECT ${meetingColumns("m")}, p.dateSort AS _k, p.meetingId AS _id, p.actorId AS _p FROM "Participant" p JOIN "Meeting" m ON m.id = p.meetingId
              WHERE p.actorId = ? AND NOT EXISTS (SELECT 1 FROM "Participant" d WHERE d.meetingId = p.meetingId AND d.actorId = p.actorId AND d.id < p.id)`,
          }),
    });
  const topicMeetings = (descend: boolean) =>
    new PagedChildren<MeetingRow>(sql, {
      order: "ASC",
      inner: `${treeCte("Topic", descend)}
        SELECT ${meetingColumns("m")}, x.dateSort AS _k, x.meetingId AS _id, x.root AS _p
        FROM (SELECT DISTINCT tree.root, mt.dateSort, mt.meetingId FROM tree JOIN "MeetingTopic" mt ON mt.topicId = tree.id) x
        JOIN "Meeting" m ON m.id = x.meetingId`,
      ...(descend
        ? {}
        : {
            single: `SELECT ${meetingColumns("m")}, mt.dateSort AS _k, mt.meetingId AS _id, mt.topicId AS _p FROM "MeetingTopic" mt JOIN "Meeting" m ON m.id = mt.meetingId
              WHERE mt.topicId = ? AND NOT EXISTS (SELECT 1 FROM "MeetingTopic" d WHERE d.meetingId = mt.meetingId AND d.topicId = mt.topicId AND d.id < mt.id)`,
          }),
    });
  const topicArticles = (descend: boolean) =>
    new PagedChildren<ArticleRow>(sql, {
      order: "ASC",
      inner: `${treeCte("Topic", descend)}
        SELECT ${articleColumns("ar")}, ${ARTICLE_KEY} AS _k, ar.id AS _id, x.root AS _p
        FROM (SELECT tree.root, e.articleId FROM tree JOIN "MeetingTopic" mt ON mt.topicId = tree.id JOIN "Evidence" e ON e.id = mt.evidenceId
              UNION SELECT tree.root, at.articleId FROM tree JOIN "ArticleTopic" at ON at.topicId = tree.id) x
        JOIN "Article" ar ON ar.id = x.articleId`,
    });
  const counterparts = (descend: boolean) =>
    rowsByKey<CounterpartRow>(
      sql,
      `${treeCte("Actor", descend)},
        mine AS (SELECT DISTINCT tree.root, p.meetingId FROM tree JOIN "Participant" p ON p.actorId = tree.id)
      SELECT mine.root AS _key, p.actorId AS actorId, COUNT(DISTINCT mine.meetingId) AS meetingCount,
             json_group_array(DISTINCT mine.meetingId) AS meetingIds
      FROM mine JOIN "Participant" p ON p.meetingId = mine.meetingId
      WHERE p.actorId NOT IN (SELECT id FROM tree WHERE tree.root = mine.root)
      GROUP BY mine.root, p.actorId
      ORDER BY meetingCount DESC, p.actorId`,
    );

  return {
    actor: rowsById<ActorRow>(sql, "Actor", actorColumns()),
    article: rowsById<ArticleRow>(sql, "Article", articleColumns()),
    articleBody: rowsById<{ id: number; body: string }>(sql, "Article", `"id", "body"`),
    meeting: rowsById<MeetingRow>(sql, "Meeting", meetingColumns()),
    topic: rowsById<TopicRow>(sql, "Topic", topicColumns()),
    place: rowsById<Place>(sql, "Place"),
    evidence: rowsById<Evidence>(sql, "Evidence"),

    aliasesOfActor: rowsByKey<ActorAlias>(sql, `SELECT *, actorId AS _key FROM "ActorAlias" WHERE actorId IN ${IN_KEYS} ORDER BY lang, id`),
    positionsOfActor: rowsByKey<Position>(sql, `SELECT *, actorId AS _key FROM "Position" WHERE actorId IN ${IN_KEYS} ORDER BY COALESCE(startDate, ''), id`),
    affiliatesOfActor: rowsByKey<ActorRow>(sql, `SELECT ${actorColumns()}, affiliationId AS _key FROM "Actor" WHERE affiliationId IN ${IN_KEYS} ORDER BY slug`),
    mentionsOfActor: rowsByKey<Mention>(sql, `SELECT *, actorId AS _key FROM "Mention" WHERE actorId IN ${IN_KEYS} ORDER BY articleId, field DESC, start, "end", id`),
    mentionsOfArticle: rowsByKey<Mention>(sql, `SELECT *, articleId AS _key FROM "Mention" WHERE articleId IN ${IN_KEYS} ORDER BY field DESC, start, "end", id`),
    participantsOfMeeting: rowsByKey<Participant>(sql, `SELECT *, meetingId AS _key FROM "Participant" WHERE meetingId IN ${IN_KEYS} ORDER BY id`),
    topicLinksOfMeeting: rowsByKey<MeetingTopic>(sql, `SELECT *, meetingId AS _key FROM "MeetingTopic" WHERE meetingId IN ${IN_KEYS} ORDER BY id`),
    sourcesOfMeeting: rowsByKey<Evidence>(
      sql,
      `SELECT e.*, ms.meetingId AS _key FROM "MeetingSource" ms JOIN "Evidence" e ON e.id = ms.evidenceId WHERE ms.meetingId IN ${IN_KEYS} ORDER BY ms.id`,
    ),
    meetingsOfArticle: rowsByKey<MeetingRow>(
      sql,
      `SELECT ${meetingColumns("m")}, x.articleId AS _key FROM (SELECT DISTINCT e.articleId, ms.meetingId FROM "MeetingSource" ms JOIN "Evidence" e ON e.id = ms.evidenceId
         WHERE e.articleId IN ${IN_KEYS}) x JOIN "Meeting" m ON m.id = x.meetingId ORDER BY m.dateSort, m.id`,
    ),
    topicsOfArticle: rowsByKey<TopicRow>(
      sql,
      `WITH keys(id) AS (SELECT value FROM json_each(?)),
       links(articleId, topicId, rank) AS (
         SELECT e.articleId, mt.topicId, mt.id FROM "MeetingTopic" mt JOIN "Evidence" e ON e.id = mt.evidenceId WHERE e.articleId IN (SELECT id FROM keys)
         UNION ALL
         SELECT at.articleId, at.topicId, 1000000000 + at.id FROM "ArticleTopic" at WHERE at.articleId IN (SELECT id FROM keys))
       SELECT ${topicColumns("t")}, links.articleId AS _key FROM links JOIN "Topic" t ON t.id = links.topicId
       GROUP BY links.articleId, t.id ORDER BY links.articleId, MIN(links.rank)`,
    ),
    childrenOfTopic: rowsByKey<TopicRow>(sql, `SELECT ${topicColumns()}, parentId AS _key FROM "Topic" WHERE parentId IN ${IN_KEYS} ORDER BY id`),

    meetingsOfActor: actorMeetings(false),
    meetingsOfActorAndAffiliates: actorMeetings(true),
    articlesOfActor: new PagedChildren<ArticleRow>(sql, {
      order: "ASC",
      inner: `SELECT ${articleColumns("ar")}, ${ARTICLE_KEY} AS _k, ar.id AS _id, x.actorId AS _p
        FROM (SELECT DISTINCT actorId, articleId FROM "Mention" WHERE actorId IN ${IN_KEYS}) x JOIN "Article" ar ON ar.id = x.articleId`,
    }),
    meetingsOfTopic: topicMeetings(false),
    meetingsOfTopicAndSubtopics: topicMeetings(true),
    articlesOfTopic: topicArticles(false),
    articlesOfTopicAndSubtopics: topicArticles(true),
    meetingsOfPlace: new PagedChildren<MeetingRow>(sql, {
      order: "ASC",
      inner: `SELECT ${meetingColumns("m")}, m.dateSort AS _k, m.id AS _id, m.placeId AS _p FROM "Meeting" m WHERE m.placeId IN ${IN_KEYS}`,
    }),
    counterpartsOfActor: counterparts(false),
    counterpartsOfActorAndAffiliates: counterparts(true),
  };
}

/** The loaders of one request. */
export type Loaders = ReturnType<typeof createLoaders>;
