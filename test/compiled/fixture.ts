import BetterSqlite3 from "better-sqlite3";
import { toGlobalId } from "../../src/ids/globalId.js";
import type { TestApi } from "../support/testApi.js";

/** The rows of a database the read cases ask about, by slug (and dates and search words). */
export interface Slugs {
  /** An actor with meetings (several, for paging), positions, an affiliation and mentions. */
  actor: string;
  /** An actor who met `actor` (for `filter.participants`). */
  partner: string;
  /** An organisation with affiliates (for `includeAffiliates`). */
  org: string;
  /** A meeting with a place, a place quote, participants, topics and sources. */
  meeting: string;
  /** A meeting without a place, when the database has one (else `meeting`). */
  placelessMeeting: string;
  /** An article with a publisher, mentions and meetings. */
  article: string;
  /** Another article (the seed's has a headline but no publisher). */
  plainArticle: string;
  /** A root topic with subtopics and meetings. */
  topic: string;
  /** A subtopic of `topic`. */
  subtopic: string;
  /** A place with meetings. */
  place: string;
  /** A date window that holds some of the meetings. */
  from: string;
  to: string;
  /** Arabic words that find some actors, and some articles. */
  actorSearch: string;
  articleSearch: string;
}

/** Slugs plus what only the API can tell: global ids and cursors (read through graphql-js). */
export interface Fixture extends Slugs {
  ids: { actor: string; org: string; article: string; meeting: string; topic: string; place: string };
  /** The slug of `article`'s publisher. */
  publisher: string;
  /** A well-formed id of an actor that does not exist. */
  missingActorId: string;
  /** End (or, for `meetingsBefore`, start) cursors of first pages. */
  cursors: {
    actorMeetings: string;
    actorArticles: string;
    topicMeetings: string;
    placeMeetings: string;
    meetings: string;
    meetingsBefore: string;
    /** The cursor of the very last meeting. */
    meetingsLast: string;
    meetingsDesc: string;
    actors: string;
    articles: string;
  };
}

/** The curated seed record (seeds/record): real people, meetings and articles. */
export const SEED_SLUGS: Slugs = {
  actor: "qasim-al-araji",
  partner: "stuart-munsch",
  org: "iraqi-government",
  meeting: "2023-01-24-araji-munsch-baghdad",
  placelessMeeting: "2022-05-12-araji-iannucci",
  article: "003_e671d139e0bcab16",
  plainArticle: "001_b7e3ec9679121fa0",
  topic: "security-cooperation",
  subtopic: "counter-terrorism",
  place: "baghdad",
  from: "2022-01-01",
  to: "2023-06-30",
  actorSearch: "الأعرجي",
  articleSearch: "الناتو",
};

/** The same roles picked from a synthetic corpus (bench/corpus): the busiest rows of each kind. */
export function corpusSlugs(file: string): Slugs {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const slug = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as string | undefined;
    const actor = slug(`SELECT a.slug FROM "Actor" a JOIN "Participant" p ON p.actorId = a.id GROUP BY a.id
      ORDER BY EXISTS (SELECT 1 FROM "Position" x WHERE x.actorId = a.id) DESC, COUNT(DISTINCT p.meetingId) DESC, a.id LIMIT 1`)!;
    const partner = slug(`SELECT b.slug FROM "Participant" p1 JOIN "Participant" p2 ON p2.meetingId = p1.meetingId AND p2.actorId <> p1.actorId
      JOIN "Actor" a ON a.id = p1.actorId JOIN "Actor" b ON b.id = p2.actorId WHERE a.slug = ? GROUP BY b.id ORDER BY COUNT(*) DESC, b.id LIMIT 1`, actor)!;
    const org = slug(`SELECT a.slug FROM "Actor" a JOIN "Actor" c ON c.affiliationId = a.id GROUP BY a.id ORDER BY COUNT(*) DESC, a.id LIMIT 1`)!;
    const meeting = slug(`SELECT m.slug FROM "Meeting" m JOIN "Participant" p ON p.meetingId = m.id WHERE m.placeId IS NOT NULL AND m.placeEvidenceId IS NOT NULL
      GROUP BY m.id ORDER BY COUNT(*) DESC, m.id LIMIT 1`)!;
    const placelessMeeting = slug(`SELECT slug FROM "Meeting" WHERE placeId IS NULL ORDER BY id LIMIT 1`) ?? meeting;
    const article = slug(`SELECT ar.slug FROM "Article" ar JOIN "Mention" x ON x.articleId = ar.id WHERE ar.publisherId IS NOT NULL
      AND EXISTS (SELECT 1 FROM "Evidence" e JOIN "MeetingSource" ms ON ms.evidenceId = e.id WHERE e.articleId = ar.id)
      GROUP BY ar.id ORDER BY COUNT(*) DESC, ar.id LIMIT 1`)!;
    const plainArticle = slug(`SELECT slug FROM "Article" WHERE slug <> ? ORDER BY id LIMIT 1`, article)!;
    const topic = slug(`SELECT t.slug FROM "Topic" t JOIN "Topic" c ON c.parentId = t.id JOIN "MeetingTopic" mt ON mt.topicId IN (t.id, c.id)
      WHERE t.parentId IS NULL GROUP BY t.id ORDER BY COUNT(*) DESC, t.id LIMIT 1`)!;
    const subtopic = slug(`SELECT c.slug FROM "Topic" c JOIN "Topic" t ON t.id = c.parentId LEFT JOIN "MeetingTopic" mt ON mt.topicId = c.id
      WHERE t.slug = ? GROUP BY c.id ORDER BY COUNT(mt.id) DESC, c.id LIMIT 1`, topic)!;
    const place = slug(`SELECT p.slug FROM "Place" p JOIN "Meeting" m ON m.placeId = p.id GROUP BY p.id ORDER BY COUNT(*) DESC, p.id LIMIT 1`)!;
    return { actor, partner, org, meeting, placelessMeeting, article, plainArticle, topic, subtopic, place, from: "2014-01-01", to: "2018-12-31", actorSearch: "الأعرجي", articleSearch: "الأمن" };
  } finally {
    db.close();
  }
}

const FIXTURE_QUERY = `query Fixture($actor: String!, $org: String!, $article: String!, $meeting: String!, $topic: String!, $place: String!) {
  actor(slug: $actor) { id meetings(first: 1) { pageInfo { endCursor } } articles(first: 1) { pageInfo { endCursor } } }
  org: actor(slug: $org) { id }
  article(slug: $article) { id publisher { slug } }
  meeting(slug: $meeting) { id }
  topic(slug: $topic) { id meetings(first: 1) { pageInfo { endCursor } } }
  place(slug: $place) { id meetings(first: 1) { pageInfo { endCursor } } }
  meetings(first: 3) { pageInfo { endCursor } }
  lastMeetings: meetings(last: 3) { pageInfo { startCursor endCursor } }
  descMeetings: meetings(first: 3, orderBy: DATE_DESC) { pageInfo { endCursor } }
  actors(first: 5) { pageInfo { endCursor } }
  articles(first: 2) { pageInfo { endCursor } }
}`;

/** Reads the ids and cursors the cases page from, through `api` (the graphql-js one). */
export async function fixtureOf(api: TestApi, slugs: Slugs): Promise<Fixture> {
  const d = await api.data(FIXTURE_QUERY, { actor: slugs.actor, org: slugs.org, article: slugs.article, meeting: slugs.meeting, topic: slugs.topic, place: slugs.place });
  const missing = (what: string) => {
    throw new Error(`fixture: ${what} is missing from the database (slugs ${JSON.stringify(slugs)})`);
  };
  const cursor = (value: string | null | undefined, what: string): string => value ?? missing(`a cursor for ${what}`);
  for (const key of ["actor", "org", "article", "meeting", "topic", "place"]) if (!d[key]) missing(key);
  return {
    ...slugs,
    ids: { actor: d.actor.id, org: d.org.id, article: d.article.id, meeting: d.meeting.id, topic: d.topic.id, place: d.place.id },
    publisher: d.article.publisher?.slug ?? missing("article.publisher"),
    missingActorId: toGlobalId("Actor", 999_999),
    cursors: {
      actorMeetings: cursor(d.actor.meetings.pageInfo.endCursor, "actor.meetings"),
      actorArticles: cursor(d.actor.articles.pageInfo.endCursor, "actor.articles"),
      topicMeetings: cursor(d.topic.meetings.pageInfo.endCursor, "topic.meetings"),
      placeMeetings: cursor(d.place.meetings.pageInfo.endCursor, "place.meetings"),
      meetings: cursor(d.meetings.pageInfo.endCursor, "meetings"),
      meetingsBefore: cursor(d.lastMeetings.pageInfo.startCursor, "meetings(last)"),
      meetingsLast: cursor(d.lastMeetings.pageInfo.endCursor, "meetings(last)"),
      meetingsDesc: cursor(d.descMeetings.pageInfo.endCursor, "meetings(DATE_DESC)"),
      actors: cursor(d.actors.pageInfo.endCursor, "actors"),
      articles: cursor(d.articles.pageInfo.endCursor, "articles"),
    },
  };
}
