import type { Tx } from "../../db/writeTransaction.js";

/**
 * The Article for an ingestion, stored on the first accepted proposal that needs evidence. It is
 * written through the model (not a nested write) so the search extension fills the shadow columns
 * and the full-text index follows. The publication date is the one given at ingestion, if any.
 */
export async function ensureArticle(tx: Tx, ingestionId: number): Promise<number> {
  const ing = await tx.ingestion.findUniqueOrThrow({ where: { id: ingestionId } });
  if (ing.articleId !== null) return ing.articleId;
  const publisher = ing.publisher ? await tx.actor.findUnique({ where: { slug: ing.publisher }, select: { id: true } }) : null;
  const day = ing.publishedOn;
  const article = await tx.article.create({
    data: {
      slug: `ingested-${ing.contentHash.slice(0, 16)}`,
      publisherId: publisher?.id ?? null,
      publisherBasis: ing.publisher ? "given at ingestion" : null,
      headline: ing.headline,
      body: ing.body,
      language: "ar",
      url: ing.url,
      contentHash: ing.contentHash,
      removedLines: JSON.stringify((JSON.parse(ing.removedLines) as { line: string }[]).map((l) => l.line)),
      datePrecision: day ? "DAY" : "RANGE",
      dateEarliest: day,
      dateLatest: day,
      dateWeekday: null,
      dateDerivation: day ? "STATED" : "INFERRED",
      dateText: null,
      dateNote: day ? "publication date given at ingestion" : "publication date unknown",
      dateSort: day ?? "",
    },
    select: { id: true },
  });
  await tx.ingestion.update({ where: { id: ingestionId }, data: { articleId: article.id } });
  return article.id;
}
