import type { Database } from "better-sqlite3";
import { encodeCursor } from "../../src/db/pagination.js";
import { seededRandom } from "../../src/util/seededRandom.js";

// The analyst's mix: five operations, in this fixed rotation. Each request takes the next
// variables from a list sampled across the whole corpus, so no two consecutive requests are equal
// and a response cache alone could not carry the number.
export const OPERATIONS = {
  actorPositions: `query ActorPositions($slug: String!) { actor(slug: $slug) { slug kind nameAr nameEn
    positions { titleAr titleEn start end organisation { slug nameEn } evidence { quote } } } }`,
  actorMeetings: `query ActorMeetings($slug: String!) { actor(slug: $slug) { slug nameAr
    meetings(first: 10) { edges { cursor node { slug kind date { earliest latest precision }
      participants { role actor { slug nameAr } } topics { slug nameAr } sources { quote article { slug headline } } } }
      pageInfo { hasNextPage endCursor } } } }`,
  meetingsByTopic: `query MeetingsByTopic($topic: ID!, $from: Date!, $to: Date!) {
    meetings(first: 20, filter: { topic: $topic, from: $from, to: $to }) { edges { cursor node { slug kind date { earliest latest }
      place { slug nameEn } } } pageInfo { hasNextPage endCursor } } }`,
  articleMentions: `query ArticleMentions($slug: String!) { article(slug: $slug) { slug headline body date { earliest }
    publisher { slug nameEn } mentions { field start end surface actor { slug nameAr } } } }`,
  deepPage: `query DeepPage($after: String!) { meetings(first: 20, after: $after) { edges { cursor node { slug summaryEn date { earliest } } }
    pageInfo { hasNextPage endCursor } } }`,
} as const;

export type OperationName = keyof typeof OPERATIONS;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export interface Request {
  op: OperationName;
  variables: Record<string, string>;
}


/** `count` requests cycling through the operations, with variables sampled from the corpus. */
export function sampleRequests(db: Database, count: number, seed = 7): Request[] {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const range = (table: string) => db.prepare(`SELECT MIN(id) AS lo, MAX(id) AS hi FROM "${table}"`).get() as { lo: number; hi: number };
  const actors = range("Actor");
  const articles = range("Article");
  const meetings = range("Meeting");
  const topics = (db.prepare(`SELECT slug FROM "Topic" ORDER BY id`).all() as { slug: string }[]).map((t) => t.slug);
  const slugOf = db.prepare(`SELECT slug FROM "Actor" WHERE id = ?`).pluck();
  const articleSlug = db.prepare(`SELECT slug FROM "Article" WHERE id = ?`).pluck();
  const meetingKey = db.prepare(`SELECT dateSort, id FROM "Meeting" WHERE id = ?`);
  const between = (r: { lo: number; hi: number }) => r.lo + int(r.hi - r.lo + 1);
  const requests: Request[] = [];
  for (let i = 0; i < count; i += 1) {
    const op = OPERATION_NAMES[i % OPERATION_NAMES.length]!;
    let variables: Record<string, string>;
    switch (op) {
      case "actorPositions":
      case "actorMeetings":
        variables = { slug: slugOf.get(between(actors)) as string };
        break;
      case "articleMentions":
        variables = { slug: articleSlug.get(between(articles)) as string };
        break;
      case "meetingsByTopic": {
        const year = 2010 + int(15);
        const month = 1 + int(12);
        const from = `${year}-${String(month).padStart(2, "0")}-01`;
        const to = `${year + (month > 9 ? 1 : 0)}-${String(((month + 2) % 12) + 1).padStart(2, "0")}-28`;
        variables = { topic: topics[int(topics.length)]!, from, to };
        break;
      }
      case "deepPage": {
        const row = meetingKey.get(between(meetings)) as { dateSort: string; id: number };
        variables = { after: encodeCursor([row.dateSort, row.id]) };
        break;
      }
    }
    requests.push({ op, variables });
  }
  return requests;
}
