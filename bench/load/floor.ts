import type { Database, Statement } from "better-sqlite3";
import { encodeCursor } from "../../src/db/pagination.js";
import type { OperationName } from "./ops.js";

// The floor: the same five operations answered with hand-written prepared statements and
// JSON.stringify — no GraphQL, no loaders, no validation beyond what the SQL needs. Responses have
// the API's exact shape (the load driver checks that), so the comparison is like for like.
type Row = Record<string, unknown>;
const IDS = "(SELECT value FROM json_each(?))";

export function createFloor(db: Database, onStatement: () => void) {
  const prepared = new Map<string, Statement>();
  const run = (sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const all = (sql: string, ...params: unknown[]) => {
    onStatement();
    return run(sql).all(...params) as Row[];
  };
  const get = (sql: string, ...params: unknown[]) => {
    onStatement();
    return run(sql).get(...params) as Row | undefined;
  };
  const group = (rows: Row[], key: string) => {
    const map = new Map<unknown, Row[]>();
    for (const row of rows) {
      const list = map.get(row[key]);
      if (list) list.push(row);
      else map.set(row[key], [row]);
    }
    return map;
  };
  const pageOf = <T>(rows: Row[], limit: number, after: boolean, node: (row: Row) => T) => {
    const kept = rows.slice(0, limit);
    const edges = kept.map((row) => ({ cursor: encodeCursor([row.dateSort as string, row.id as number]), node: node(row) }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null, ...(after ? {} : {}) } };
  };

  const handlers: Record<OperationName, (v: Record<string, string>) => unknown> = {
    actorPositions({ slug }) {
      const actor = get(`SELECT id, slug, kind, nameAr, nameEn FROM "Actor" WHERE slug = ?`, slug);
      if (!actor) return { actor: null };
      const positions = all(
        `SELECT p.titleAr, p.titleEn, p.startDate, p.endDate, o.slug AS oSlug, o.nameEn AS oNameEn, e.quote
         FROM "Position" p LEFT JOIN "Actor" o ON o.id = p.organisationId JOIN "Evidence" e ON e.id = p.evidenceId
         WHERE p.actorId = ? ORDER BY COALESCE(p.startDate, ''), p.id`,
        actor.id,
      );
      return {
        actor: {
          slug: actor.slug, kind: actor.kind, nameAr: actor.nameAr, nameEn: actor.nameEn,
          positions: positions.map((p) => ({
            titleAr: p.titleAr, titleEn: p.titleEn, start: p.startDate, end: p.endDate,
            organisation: p.oSlug == null ? null : { slug: p.oSlug, nameEn: p.oNameEn }, evidence: { quote: p.quote },
          })),
        },
      };
    },
    actorMeetings({ slug }) {
      const actor = get(`SELECT id, slug, nameAr FROM "Actor" WHERE slug = ?`, slug);
      if (!actor) return { actor: null };
      const meetings = all(
        // The best plan this stack has: a walk of Participant(actorId, dateSort, meetingId), as the API's.
        `SELECT m.id, m.slug, m.kind, m.dateEarliest, m.dateLatest, m.datePrecision, m.dateSort FROM "Participant" p JOIN "Meeting" m ON m.id = p.meetingId
         WHERE p.actorId = ? AND NOT EXISTS (SELECT 1 FROM "Participant" d WHERE d.meetingId = p.meetingId AND d.actorId = p.actorId AND d.id < p.id)
         ORDER BY p.dateSort, p.meetingId LIMIT 11`,
        actor.id,
      );
      const ids = JSON.stringify(meetings.slice(0, 10).map((m) => m.id));
      const participants = group(all(`SELECT p.meetingId, p.role, a.slug, a.nameAr FROM "Participant" p JOIN "Actor" a ON a.id = p.actorId
        WHERE p.meetingId IN ${IDS} ORDER BY p.id`, ids), "meetingId");
      const topics = group(all(`SELECT mt.meetingId, t.slug, t.nameAr FROM "MeetingTopic" mt JOIN "Topic" t ON t.id = mt.topicId
        WHERE mt.meetingId IN ${IDS} GROUP BY mt.meetingId, t.id ORDER BY mt.meetingId, MIN(mt.id)`, ids), "meetingId");
      const sources = group(all(`SELECT ms.meetingId, e.quote, ar.slug, ar.headline FROM "MeetingSource" ms JOIN "Evidence" e ON e.id = ms.evidenceId
        JOIN "Article" ar ON ar.id = e.articleId WHERE ms.meetingId IN ${IDS} ORDER BY ms.id`, ids), "meetingId");
      return {
        actor: {
          slug: actor.slug, nameAr: actor.nameAr,
          meetings: pageOf(meetings, 10, false, (m) => ({
            slug: m.slug, kind: m.kind, date: { earliest: m.dateEarliest, latest: m.dateLatest, precision: m.datePrecision },
            participants: (participants.get(m.id) ?? []).map((p) => ({ role: p.role, actor: { slug: p.slug, nameAr: p.nameAr } })),
            topics: (topics.get(m.id) ?? []).map((t) => ({ slug: t.slug, nameAr: t.nameAr })),
            sources: (sources.get(m.id) ?? []).map((s) => ({ quote: s.quote, article: { slug: s.slug, headline: s.headline } })),
          })),
        },
      };
    },
    meetingsByTopic({ topic, from, to }) {
      // As the API pages it (src/db/topicWindowQuery.ts): one ordered run of at most a page per
      // topic of the tree, so the cost does not grow with how many meetings the window holds.
      const topics = all(
        `WITH RECURSIVE tree(id) AS (SELECT id FROM "Topic" WHERE slug = ? UNION SELECT t.id FROM "Topic" t JOIN tree ON t.parentId = tree.id) SELECT id FROM tree`,
        topic,
      ).map((row) => row.id);
      const runs = topics.map(
        (_, i) => `SELECT * FROM (SELECT DISTINCT dateSort AS k, meetingId AS id FROM "MeetingTopic" WHERE topicId = ? AND dateSort BETWEEN ? AND ? ORDER BY dateSort, meetingId LIMIT 21) r${i}`,
      );
      const params: unknown[] = [];
      for (const id of topics) params.push(id, from, to);
      const rows = topics.length === 0 ? [] : all(
        `SELECT m.id, m.slug, m.kind, m.dateEarliest, m.dateLatest, m.dateSort, p.slug AS pSlug, p.nameEn AS pNameEn
         FROM (SELECT k.k, k.id FROM (${runs.join(" UNION ")}
             UNION SELECT w.dateSort, w.id FROM "Meeting" w WHERE (w.dateEarliest IS NULL OR w.dateLatest IS NULL OR w.dateEarliest <> w.dateLatest)
               AND (w.dateSort < ? OR w.dateSort > ?) AND EXISTS (SELECT 1 FROM "MeetingTopic" x WHERE x.meetingId = w.id AND x.topicId IN ${IDS})
               AND (w.dateLatest IS NULL OR w.dateLatest >= ?) AND (w.dateEarliest IS NULL OR w.dateEarliest <= ?)) k ORDER BY k.k, k.id LIMIT 21) page
         JOIN "Meeting" m ON m.id = page.id LEFT JOIN "Place" p ON p.id = m.placeId
         ORDER BY m.dateSort, m.id`,
        ...params, from, to, JSON.stringify(topics), from, to,
      );
      return {
        meetings: pageOf(rows, 20, false, (m) => ({
          slug: m.slug, kind: m.kind, date: { earliest: m.dateEarliest, latest: m.dateLatest },
          place: m.pSlug == null ? null : { slug: m.pSlug, nameEn: m.pNameEn },
        })),
      };
    },
    articleMentions({ slug }) {
      const article = get(`SELECT ar.id, ar.slug, ar.headline, ar.body, ar.dateEarliest, p.slug AS pSlug, p.nameEn AS pNameEn
        FROM "Article" ar LEFT JOIN "Actor" p ON p.id = ar.publisherId WHERE ar.slug = ?`, slug);
      if (!article) return { article: null };
      const mentions = all(`SELECT m.field, m.start, m."end", m.surface, a.slug, a.nameAr FROM "Mention" m JOIN "Actor" a ON a.id = m.actorId
        WHERE m.articleId = ? ORDER BY m.field DESC, m.start, m."end", m.id`, article.id);
      return {
        article: {
          slug: article.slug, headline: article.headline, body: article.body, date: { earliest: article.dateEarliest },
          publisher: article.pSlug == null ? null : { slug: article.pSlug, nameEn: article.pNameEn },
          mentions: mentions.map((m) => ({ field: m.field, start: m.start, end: m.end, surface: m.surface, actor: { slug: m.slug, nameAr: m.nameAr } })),
        },
      };
    },
    deepPage({ after }) {
      const [key, id] = JSON.parse(Buffer.from(after!, "base64url").toString("utf8")) as [string, number];
      const rows = all(`SELECT id, slug, summaryEn, dateEarliest, dateSort FROM "Meeting" WHERE (dateSort, id) > (?, ?) ORDER BY dateSort, id LIMIT 21`, key, id);
      return { meetings: pageOf(rows, 20, true, (m) => ({ slug: m.slug, summaryEn: m.summaryEn, date: { earliest: m.dateEarliest } })) };
    },
  };
  return handlers;
}
