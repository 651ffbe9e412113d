import type pg from "pg";
import { encodeCursor } from "../../src/db/pagination.js";
import type { OperationName } from "./ops.js";

// The floor over PostgreSQL: floor.ts's five operations, statement for statement, over a `pg`
// pool, written by hand in PostgreSQL's dialect ($n parameters, quoted camelCase identifiers and
// aliases, `= ANY($1::int[])` for a batch of ids) and run as named prepared statements, so each
// pooled connection plans each shape once. Statements that do not depend on each other (the three
// batches of an actor's meetings page) run concurrently on the pool, as the API's loaders do.
type Row = Record<string, unknown>;

const SQL = {
  actorForPositions: `SELECT id, slug, kind, "nameAr", "nameEn" FROM "Actor" WHERE slug = $1`,
  positions: `SELECT p."titleAr", p."titleEn", p."startDate", p."endDate", o.slug AS "oSlug", o."nameEn" AS "oNameEn", e.quote
    FROM "Position" p LEFT JOIN "Actor" o ON o.id = p."organisationId" JOIN "Evidence" e ON e.id = p."evidenceId"
    WHERE p."actorId" = $1 ORDER BY COALESCE(p."startDate", ''), p.id`,
  actorForMeetings: `SELECT id, slug, "nameAr" FROM "Actor" WHERE slug = $1`,
  // A walk of Participant("actorId", "dateSort", "meetingId"), as floor.ts and the API do.
  actorMeetings: `SELECT m.id, m.slug, m.kind, m."dateEarliest", m."dateLatest", m."datePrecision", m."dateSort"
    FROM "Participant" p JOIN "Meeting" m ON m.id = p."meetingId"
    WHERE p."actorId" = $1 AND NOT EXISTS (SELECT 1 FROM "Participant" d WHERE d."meetingId" = p."meetingId" AND d."actorId" = p."actorId" AND d.id < p.id)
    ORDER BY p."dateSort", p."meetingId" LIMIT 11`,
  participants: `SELECT p."meetingId", p.role, a.slug, a."nameAr" FROM "Participant" p JOIN "Actor" a ON a.id = p."actorId"
    WHERE p."meetingId" = ANY($1::int[]) ORDER BY p.id`,
  topics: `SELECT mt."meetingId", t.slug, t."nameAr" FROM "MeetingTopic" mt JOIN "Topic" t ON t.id = mt."topicId"
    WHERE mt."meetingId" = ANY($1::int[]) GROUP BY mt."meetingId", t.id ORDER BY mt."meetingId", MIN(mt.id)`,
  sources: `SELECT ms."meetingId", e.quote, ar.slug, ar.headline FROM "MeetingSource" ms JOIN "Evidence" e ON e.id = ms."evidenceId"
    JOIN "Article" ar ON ar.id = e."articleId" WHERE ms."meetingId" = ANY($1::int[]) ORDER BY ms.id`,
  // The window read from MeetingTopic("topicId", "dateSort"), plus the meetings whose date is a
  // range reaching into it from outside, as floor.ts and the API do. Sets as `= ANY(ARRAY(…))`
  // rather than floor.ts's `IN (…)`: PostgreSQL estimates the recursive tree at 501 rows and the
  // meeting ids at 200, and for those it plans hash joins over sequential scans of MeetingTopic
  // and Meeting (5.9 ms at 10k articles); an array computed first leaves it the index range and
  // the key lookups (0.44 ms). Same rows, same order.
  // As the API pages it (src/db/topicWindowQuery.ts), with LATERAL for the per-topic runs.
  meetingsByTopic: `WITH RECURSIVE tree(id) AS (SELECT id FROM "Topic" WHERE slug = $1 UNION SELECT t.id FROM "Topic" t JOIN tree ON t."parentId" = tree.id)
    SELECT m.id, m.slug, m.kind, m."dateEarliest", m."dateLatest", m."dateSort", p.slug AS "pSlug", p."nameEn" AS "pNameEn"
    FROM (SELECT k.k, k.id FROM (
        SELECT r.k, r.id FROM tree CROSS JOIN LATERAL (SELECT DISTINCT mt."dateSort" AS k, mt."meetingId" AS id FROM "MeetingTopic" mt
          WHERE mt."topicId" = tree.id AND mt."dateSort" BETWEEN $2 AND $3 ORDER BY mt."dateSort", mt."meetingId" LIMIT 21) r
        UNION
        SELECT w."dateSort", w.id FROM "Meeting" w WHERE (w."dateEarliest" IS NULL OR w."dateLatest" IS NULL OR w."dateEarliest" <> w."dateLatest")
          AND (w."dateSort" < $2 OR w."dateSort" > $3)
          AND EXISTS (SELECT 1 FROM "MeetingTopic" x WHERE x."meetingId" = w.id AND x."topicId" = ANY(ARRAY(SELECT id FROM tree)))
          AND (w."dateLatest" IS NULL OR w."dateLatest" >= $2) AND (w."dateEarliest" IS NULL OR w."dateEarliest" <= $3)) k
      ORDER BY k.k, k.id LIMIT 21) page
    JOIN "Meeting" m ON m.id = page.id LEFT JOIN "Place" p ON p.id = m."placeId"
    ORDER BY m."dateSort", m.id`,
  article: `SELECT ar.id, ar.slug, ar.headline, ar.body, ar."dateEarliest", p.slug AS "pSlug", p."nameEn" AS "pNameEn"
    FROM "Article" ar LEFT JOIN "Actor" p ON p.id = ar."publisherId" WHERE ar.slug = $1`,
  mentions: `SELECT m.field, m.start, m."end", m.surface, a.slug, a."nameAr" FROM "Mention" m JOIN "Actor" a ON a.id = m."actorId"
    WHERE m."articleId" = $1 ORDER BY m.field DESC, m.start, m."end", m.id`,
  deepPage: `SELECT id, slug, "summaryEn", "dateEarliest", "dateSort" FROM "Meeting" WHERE ("dateSort", id) > ($1, $2) ORDER BY "dateSort", id LIMIT 21`,
} as const;

export function createPostgresFloor(pool: pg.Pool, onStatement: () => void) {
  const all = async (statement: keyof typeof SQL, ...values: unknown[]) => {
    onStatement();
    return (await pool.query({ name: `floor_${statement}`, text: SQL[statement], values })).rows as Row[];
  };
  const get = async (statement: keyof typeof SQL, ...values: unknown[]) => (await all(statement, ...values))[0];
  const group = (rows: Row[], key: string) => {
    const map = new Map<unknown, Row[]>();
    for (const row of rows) {
      const list = map.get(row[key]);
      if (list) list.push(row);
      else map.set(row[key], [row]);
    }
    return map;
  };
  const pageOf = <T>(rows: Row[], limit: number, node: (row: Row) => T) => {
    const kept = rows.slice(0, limit);
    const edges = kept.map((row) => ({ cursor: encodeCursor([row.dateSort as string, row.id as number]), node: node(row) }));
    return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  };

  const handlers: Record<OperationName, (v: Record<string, string>) => Promise<unknown>> = {
    async actorPositions({ slug }) {
      const actor = await get("actorForPositions", slug);
      if (!actor) return { actor: null };
      const positions = await all("positions", actor.id);
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
    async actorMeetings({ slug }) {
      const actor = await get("actorForMeetings", slug);
      if (!actor) return { actor: null };
      const meetings = await all("actorMeetings", actor.id);
      const ids = meetings.slice(0, 10).map((m) => m.id);
      const [participantRows, topicRows, sourceRows] = await Promise.all([all("participants", ids), all("topics", ids), all("sources", ids)]);
      const participants = group(participantRows, "meetingId");
      const topics = group(topicRows, "meetingId");
      const sources = group(sourceRows, "meetingId");
      return {
        actor: {
          slug: actor.slug, nameAr: actor.nameAr,
          meetings: pageOf(meetings, 10, (m) => ({
            slug: m.slug, kind: m.kind, date: { earliest: m.dateEarliest, latest: m.dateLatest, precision: m.datePrecision },
            participants: (participants.get(m.id) ?? []).map((p) => ({ role: p.role, actor: { slug: p.slug, nameAr: p.nameAr } })),
            topics: (topics.get(m.id) ?? []).map((t) => ({ slug: t.slug, nameAr: t.nameAr })),
            sources: (sources.get(m.id) ?? []).map((s) => ({ quote: s.quote, article: { slug: s.slug, headline: s.headline } })),
          })),
        },
      };
    },
    async meetingsByTopic({ topic, from, to }) {
      const rows = await all("meetingsByTopic", topic, from, to);
      return {
        meetings: pageOf(rows, 20, (m) => ({
          slug: m.slug, kind: m.kind, date: { earliest: m.dateEarliest, latest: m.dateLatest },
          place: m.pSlug == null ? null : { slug: m.pSlug, nameEn: m.pNameEn },
        })),
      };
    },
    async articleMentions({ slug }) {
      const article = await get("article", slug);
      if (!article) return { article: null };
      const mentions = await all("mentions", article.id);
      return {
        article: {
          slug: article.slug, headline: article.headline, body: article.body, date: { earliest: article.dateEarliest },
          publisher: article.pSlug == null ? null : { slug: article.pSlug, nameEn: article.pNameEn },
          mentions: mentions.map((m) => ({ field: m.field, start: m.start, end: m.end, surface: m.surface, actor: { slug: m.slug, nameAr: m.nameAr } })),
        },
      };
    },
    async deepPage({ after }) {
      const [key, id] = JSON.parse(Buffer.from(after!, "base64url").toString("utf8")) as [string, number];
      const rows = await all("deepPage", key, id);
      return { meetings: pageOf(rows, 20, (m) => ({ slug: m.slug, summaryEn: m.summaryEn, date: { earliest: m.dateEarliest } })) };
    },
  };
  return handlers;
}
