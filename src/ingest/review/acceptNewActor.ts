import type { Tx } from "../../db/writeTransaction.js";
import { normalizeForSearch } from "../../text/index.js";
import type { NewActorProposal } from "../types.js";
import { ensureArticle } from "./ensureArticle.js";
import { evidenceFor } from "./evidenceFor.js";
import { resolveActor } from "./resolveActor.js";
import { slugify, transliterate } from "./transliterate.js";
import { uniqueSlug } from "./uniqueSlug.js";

/**
 * Creates the proposed actor with its Arabic name as an alias; a person's title becomes a Position
 * whose evidence is the proposal's quote (which stores the article). The English name is a plain
 * romanisation until an editor writes a better one. The slug is never one a merged actor left
 * behind (a redirect), so old links never change meaning. Returns the result, `actor:<slug>`.
 */
export async function acceptNewActor(tx: Tx, ingestionId: number, p: NewActorProposal): Promise<string> {
  const nameEn = transliterate(p.nameAr);
  const slug = await uniqueSlug(slugify(p.nameAr), async (s) => (await tx.actor.count({ where: { slug: s } })) + (await tx.actorRedirect.count({ where: { fromSlug: s } })) > 0);
  const affiliation = p.affiliation ? await resolveActor(tx, ingestionId, p.affiliation) : null;
  const affiliationId = affiliation && "id" in affiliation ? affiliation.id : null;
  const searchText = [...new Set([p.nameAr, nameEn].map(normalizeForSearch).filter((n) => n.length > 0))].join("\n");
  const actor = await tx.actor.create({
    data: { slug, kind: p.kind, nameAr: p.nameAr, nameEn, affiliationId, searchText, aliases: { create: [{ text: p.nameAr, lang: "ar" }] } },
    select: { id: true },
  });
  if (p.position) {
    const evidenceId = await evidenceFor(tx, await ensureArticle(tx, ingestionId), p.evidence);
    await tx.position.create({ data: { actorId: actor.id, titleAr: p.position, titleEn: "", organisationId: affiliationId, evidenceId } });
  }
  return `actor:${slug}`;
}
