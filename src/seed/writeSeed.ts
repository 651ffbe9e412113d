import { dateColumnsOf } from "../db/partialDate.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { writeTransaction } from "../db/writeTransaction.js";
import type { PlannedEvidence, SeedPlan } from "../record/SeedPlan.js";

/** Reports progress of a long step: which phase, how far. */
export type Progress = (phase: string, done: number, total: number) => void;

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];


const evidenceKey = (e: PlannedEvidence) => `${e.article}|${e.field}|${e.start}|${e.end}`;

/**
 * Writes the plan in one transaction: all of it or, on any error, none of it. Entities are
 * upserted by slug so their ids (and the global ids clients hold) survive a re-seed; the rows that
 * hang off seeded articles and meetings are replaced, so seeding twice changes no count.
 */
export async function writeSeed(prisma: PrismaClient, plan: SeedPlan, progress: Progress = () => {}): Promise<void> {
  // Immediate: takes the write lock before the first read, so a concurrent writer (a second seed,
  // an import) makes this wait rather than fail (src/db/writeTransaction.ts).
  await writeTransaction(
    prisma,
    async (tx: Tx) => {
      const actorIds = new Map<string, number>();
      for (const [i, a] of plan.actors.entries()) {
        const data = { kind: a.kind, nameAr: a.nameAr, nameEn: a.nameEn, wikidata: a.wikidata, searchText: a.searchText };
        const row = await tx.actor.upsert({ where: { slug: a.slug }, create: { slug: a.slug, ...data }, update: data, select: { id: true } });
        actorIds.set(a.slug, row.id);
        progress("actors", i + 1, plan.actors.length);
      }
      const actor = (slug: string | null) => (slug === null ? null : actorIds.get(slug)!);
      for (const a of plan.actors) await tx.actor.update({ where: { id: actor(a.slug)! }, data: { affiliationId: actor(a.affiliation) } });
      const seededActors = [...actorIds.values()];
      await tx.actorAlias.deleteMany({ where: { actorId: { in: seededActors } } });
      await tx.actorAlias.createMany({ data: plan.actors.flatMap((a) => a.aliases.map((alias) => ({ actorId: actor(a.slug)!, ...alias }))) });

      const topicIds = new Map<string, number>();
      for (const [i, t] of plan.topics.entries()) {
        const data = {
          nameAr: t.nameAr,
          nameEn: t.nameEn,
          parentId: t.parent === null ? null : topicIds.get(t.parent)!,
          plover: t.plover,
          keywordsAr: JSON.stringify(t.keywordsAr),
          keywordsEn: JSON.stringify(t.keywordsEn),
          searchText: t.searchText,
        };
        const row = await tx.topic.upsert({ where: { slug: t.slug }, create: { slug: t.slug, ...data }, update: data, select: { id: true } });
        topicIds.set(t.slug, row.id);
        progress("topics", i + 1, plan.topics.length);
      }
      const topic = (slug: string) => topicIds.get(slug)!;

      const placeIds = new Map<string, number>();
      for (const p of plan.places) {
        const data = { nameAr: p.nameAr, nameEn: p.nameEn, lat: p.lat, lon: p.lon, countryId: actor(p.country) };
        const row = await tx.place.upsert({ where: { slug: p.slug }, create: { slug: p.slug, ...data }, update: data, select: { id: true } });
        placeIds.set(p.slug, row.id);
      }

      const articleIds = new Map<string, number>();
      for (const [i, a] of plan.articles.entries()) {
        const twin = await tx.article.findFirst({ where: { contentHash: a.contentHash, NOT: { slug: a.slug } }, select: { slug: true } });
        if (twin) throw new Error(`seeds/articles/${a.file} has the same text as the stored article "${twin.slug}": a second copy is refused.`);
        const data = {
          publisherId: actor(a.publisher),
          publisherBasis: a.publisherBasis,
          headline: a.headline,
          body: a.body,
          language: a.language,
          url: a.url,
          contentHash: a.contentHash,
          removedLines: JSON.stringify(a.removedLines),
          ...dateColumnsOf(a.date),
        };
        const row = await tx.article.upsert({ where: { slug: a.slug }, create: { slug: a.slug, ...data }, update: data, select: { id: true } });
        articleIds.set(a.slug, row.id);
        progress("articles", i + 1, plan.articles.length);
      }
      const seededArticles = [...articleIds.values()];
      const existingMeetings = await tx.meeting.findMany({ where: { slug: { in: plan.meetings.map((m) => m.slug) } }, select: { id: true } });
      const seededMeetings = existingMeetings.map((m) => m.id);
      const fromSeededArticle = { evidence: { articleId: { in: seededArticles } } };

      // Replace everything that cites a seeded article or belongs to a seeded meeting or actor.
      await tx.position.deleteMany({ where: { OR: [{ actorId: { in: seededActors } }, fromSeededArticle] } });
      await tx.participant.deleteMany({ where: { OR: [{ meetingId: { in: seededMeetings } }, fromSeededArticle] } });
      await tx.meetingTopic.deleteMany({ where: { OR: [{ meetingId: { in: seededMeetings } }, fromSeededArticle] } });
      await tx.meetingSource.deleteMany({ where: { OR: [{ meetingId: { in: seededMeetings } }, fromSeededArticle] } });
      await tx.articleTopic.deleteMany({ where: { articleId: { in: seededArticles } } });
      await tx.mention.deleteMany({ where: { articleId: { in: seededArticles } } });
      await tx.evidence.deleteMany({ where: { articleId: { in: seededArticles } } });

      const evidence = new Map<string, PlannedEvidence>();
      const cite = (e: PlannedEvidence) => evidence.set(evidenceKey(e), e);
      plan.actors.forEach((a) => a.positions.forEach((p) => cite(p.evidence)));
      plan.articles.forEach((a) => a.topics.forEach((t) => cite(t.evidence)));
      for (const m of plan.meetings) {
        m.sources.forEach(cite);
        if (m.placeEvidence) cite(m.placeEvidence);
        m.participants.forEach((p) => cite(p.evidence));
        m.topics.forEach((t) => cite(t.evidence));
      }
      const created = await tx.evidence.createManyAndReturn({
        data: [...evidence.values()].map((e) => ({ articleId: articleIds.get(e.article)!, field: e.field, start: e.start, end: e.end, quote: e.quote })),
        select: { id: true, articleId: true, field: true, start: true, end: true },
      });
      const articleSlugs = new Map([...articleIds].map(([slug, id]) => [id, slug]));
      const evidenceIds = new Map(created.map((e) => [`${articleSlugs.get(e.articleId)}|${e.field}|${e.start}|${e.end}`, e.id]));
      const cited = (e: PlannedEvidence) => evidenceIds.get(evidenceKey(e))!;
      progress("evidence", created.length, evidence.size);

      await tx.mention.createMany({
        data: plan.articles.flatMap((a) => a.mentions.map((m) => ({ articleId: articleIds.get(a.slug)!, actorId: actor(m.actor)!, field: m.field, start: m.start, end: m.end, surface: m.surface }))),
      });
      await tx.articleTopic.createMany({
        data: plan.articles.flatMap((a) => a.topics.map((t) => ({ articleId: articleIds.get(a.slug)!, topicId: topic(t.topic), evidenceId: cited(t.evidence) }))),
      });
      await tx.position.createMany({
        data: plan.actors.flatMap((a) =>
          a.positions.map((p) => ({ actorId: actor(a.slug)!, titleAr: p.titleAr, titleEn: p.titleEn, organisationId: actor(p.organisation), startDate: p.start, endDate: p.end, evidenceId: cited(p.evidence) })),
        ),
      });

      for (const [i, m] of plan.meetings.entries()) {
        const data = {
          kind: m.kind,
          placeId: m.place === null ? null : placeIds.get(m.place)!,
          placeEvidenceId: m.placeEvidence ? cited(m.placeEvidence) : null,
          summaryEn: m.summaryEn,
          summaryAr: m.summaryAr,
          ...dateColumnsOf(m.date),
        };
        const { id } = await tx.meeting.upsert({ where: { slug: m.slug }, create: { slug: m.slug, ...data }, update: data, select: { id: true } });
        await tx.meetingSource.createMany({ data: m.sources.map((s) => ({ meetingId: id, evidenceId: cited(s) })) });
        await tx.participant.createMany({
          data: m.participants.map((p) => ({ meetingId: id, actorId: actor(p.actor)!, role: p.role, representingId: actor(p.representing), evidenceId: cited(p.evidence) })),
        });
        const links = new Map(m.topics.map((t) => [`${topic(t.topic)}|${cited(t.evidence)}`, { meetingId: id, topicId: topic(t.topic), evidenceId: cited(t.evidence) }]));
        await tx.meetingTopic.createMany({ data: [...links.values()] });
        progress("meetings", i + 1, plan.meetings.length);
      }
    },
    { timeout: 120_000 },
  );
}
