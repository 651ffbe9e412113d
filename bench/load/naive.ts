import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ApolloServer } from "@apollo/server";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { encodeCursor } from "../../src/db/pagination.js";

// The usual implementation, as tutorials write it: the same SDL, one Prisma call per field, no
// DataLoaders, offsets-free keyset paging written with Prisma's where/orderBy/take. Only the
// fields the load mix selects have resolvers.
type Row = Record<string, any>;
const date = (row: Row) => ({ earliest: row.dateEarliest, latest: row.dateLatest, precision: row.datePrecision, derivation: row.dateDerivation });
const page = (rows: Row[], limit: number) => {
  const kept = rows.slice(0, limit);
  const edges = kept.map((row) => ({ cursor: encodeCursor([row.dateSort, row.id]), node: row }));
  return { edges, nodes: kept, pageInfo: { hasNextPage: rows.length > limit, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
};
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, number];
const after = (cursor: string | null | undefined) => {
  if (!cursor) return {};
  const [key, id] = decode(cursor);
  return { OR: [{ dateSort: { gt: key } }, { dateSort: key, id: { gt: id } }] };
};

export function createNaiveServer(prisma: PrismaClient): ApolloServer {
  const typeDefs = readFileSync(resolve(import.meta.dirname, "../../schema.graphql"), "utf8");
  const resolvers = {
    Query: {
      actor: (_: unknown, { slug }: { slug: string }) => prisma.actor.findUnique({ where: { slug } }),
      article: (_: unknown, { slug }: { slug: string }) => prisma.article.findUnique({ where: { slug } }),
      meetings: async (_: unknown, args: { first?: number; after?: string; filter?: { topic?: string; from?: string; to?: string } }) => {
        const first = args.first ?? 20;
        const where: Row[] = [after(args.after)];
        if (args.filter?.topic) {
          const topic = await prisma.topic.findUnique({ where: { slug: args.filter.topic }, include: { children: true } });
          const ids = topic ? [topic.id, ...topic.children.map((c) => c.id)] : [];
          where.push({ topics: { some: { topicId: { in: ids } } } });
        }
        if (args.filter?.from) where.push({ OR: [{ dateLatest: null }, { dateLatest: { gte: args.filter.from } }] });
        if (args.filter?.to) where.push({ OR: [{ dateEarliest: null }, { dateEarliest: { lte: args.filter.to } }] });
        const rows = await prisma.meeting.findMany({ where: { AND: where }, orderBy: [{ dateSort: "asc" }, { id: "asc" }], take: first + 1 });
        return page(rows, first);
      },
    },
    Actor: {
      positions: (actor: Row) => prisma.position.findMany({ where: { actorId: actor.id }, orderBy: [{ startDate: "asc" }, { id: "asc" }] }),
      meetings: async (actor: Row, args: { first?: number; after?: string }) => {
        const first = args.first ?? 20;
        const rows = await prisma.meeting.findMany({
          where: { participants: { some: { actorId: actor.id } }, ...after(args.after) },
          orderBy: [{ dateSort: "asc" }, { id: "asc" }],
          take: first + 1,
        });
        return page(rows, first);
      },
    },
    Position: {
      start: (p: Row) => p.startDate,
      end: (p: Row) => p.endDate,
      organisation: (p: Row) => (p.organisationId == null ? null : prisma.actor.findUnique({ where: { id: p.organisationId } })),
      evidence: (p: Row) => prisma.evidence.findUnique({ where: { id: p.evidenceId } }),
    },
    Meeting: {
      date,
      place: (m: Row) => (m.placeId == null ? null : prisma.place.findUnique({ where: { id: m.placeId } })),
      participants: (m: Row) => prisma.participant.findMany({ where: { meetingId: m.id }, orderBy: { id: "asc" } }),
      topics: async (m: Row) => {
        const links = await prisma.meetingTopic.findMany({ where: { meetingId: m.id }, orderBy: { id: "asc" }, include: { topic: true } });
        const seen = new Set<number>();
        return links.filter((l) => !seen.has(l.topicId) && seen.add(l.topicId)).map((l) => l.topic);
      },
      sources: async (m: Row) => {
        const links = await prisma.meetingSource.findMany({ where: { meetingId: m.id }, orderBy: { id: "asc" } });
        return Promise.all(links.map((l) => prisma.evidence.findUnique({ where: { id: l.evidenceId } })));
      },
    },
    Place: { longitude: (p: Row) => p.lon, latitude: (p: Row) => p.lat },
    Participant: { actor: (p: Row) => prisma.actor.findUnique({ where: { id: p.actorId } }) },
    Evidence: { article: (e: Row) => prisma.article.findUnique({ where: { id: e.articleId } }) },
    Article: {
      date,
      publisher: (a: Row) => (a.publisherId == null ? null : prisma.actor.findUnique({ where: { id: a.publisherId } })),
      mentions: (a: Row) => prisma.mention.findMany({ where: { articleId: a.id }, orderBy: [{ field: "desc" }, { start: "asc" }, { end: "asc" }, { id: "asc" }] }),
    },
    Mention: { actor: (m: Row) => prisma.actor.findUnique({ where: { id: m.actorId } }) },
  };
  return new ApolloServer({ typeDefs, resolvers });
}
