import type { Tx } from "../db/writeTransaction.js";
import { badUserInput } from "../errors/badUserInput.js";
import { normalizeForSearch } from "../text/index.js";

/** What a merge moved, for the audit log. */
export interface MergeSummary {
  keep: string;
  drop: string;
  mentions: number;
  participations: number;
  positions: number;
  aliases: number;
}

/**
 * Folds actor `drop` into actor `keep` inside the caller's transaction: every mention,
 * participation (and "representing"), position (held or as organisation), alias, affiliation,
 * publication and place moves to `keep`; drop's names become aliases of keep; drop is deleted and
 * a redirect keeps its slug and id resolving to keep (earlier redirects to drop are repointed, so
 * chains never form). A participation keep already has in the same meeting and role is dropped
 * rather than doubled. Keep's search text is rebuilt from its names and aliases.
 */
export async function mergeActors(tx: Tx, keepSlug: string, dropSlug: string): Promise<MergeSummary> {
  if (keepSlug === dropSlug) throw badUserInput("`keep` and `drop` must be different actors.", "drop");
  const keep = await tx.actor.findUnique({ where: { slug: keepSlug } });
  if (!keep) throw badUserInput(`No actor has the slug ${keepSlug}.`, "keep");
  const drop = await tx.actor.findUnique({ where: { slug: dropSlug } });
  if (!drop) throw badUserInput(`No actor has the slug ${dropSlug}.`, "drop");
  const to = { actorId: keep.id };

  const mentions = (await tx.mention.updateMany({ where: { actorId: drop.id }, data: to })).count;
  // Participant is unique per (meeting, actor, role): where both took part in the same role, keep's row stays.
  const keepRoles = await tx.participant.findMany({ where: { actorId: keep.id }, select: { meetingId: true, role: true } });
  const clash = new Set(keepRoles.map((p) => `${p.meetingId}:${p.role}`));
  const dropRows = await tx.participant.findMany({ where: { actorId: drop.id }, select: { id: true, meetingId: true, role: true } });
  const doubled = dropRows.filter((p) => clash.has(`${p.meetingId}:${p.role}`)).map((p) => p.id);
  await tx.participant.deleteMany({ where: { id: { in: doubled } } });
  const participations = (await tx.participant.updateMany({ where: { actorId: drop.id }, data: to })).count;
  await tx.participant.updateMany({ where: { representingId: drop.id }, data: { representingId: keep.id } });
  const positions = (await tx.position.updateMany({ where: { actorId: drop.id }, data: to })).count;
  await tx.position.updateMany({ where: { organisationId: drop.id }, data: { organisationId: keep.id } });
  await tx.actor.updateMany({ where: { affiliationId: drop.id, id: { not: keep.id } }, data: { affiliationId: keep.id } });
  if (keep.affiliationId === drop.id) await tx.actor.update({ where: { id: keep.id }, data: { affiliationId: drop.affiliationId === keep.id ? null : drop.affiliationId } });
  await tx.article.updateMany({ where: { publisherId: drop.id }, data: { publisherId: keep.id } });
  await tx.place.updateMany({ where: { countryId: drop.id }, data: { countryId: keep.id } });

  // Aliases: drop's, plus its two names, each once on keep.
  const have = new Set((await tx.actorAlias.findMany({ where: { actorId: keep.id }, select: { text: true } })).map((a) => a.text));
  const moving = [...(await tx.actorAlias.findMany({ where: { actorId: drop.id }, select: { text: true, lang: true } })), { text: drop.nameAr, lang: "ar" }, { text: drop.nameEn, lang: "en" }];
  let aliases = 0;
  for (const a of moving) {
    if (have.has(a.text) || a.text === keep.nameAr || a.text === keep.nameEn) continue;
    have.add(a.text);
    await tx.actorAlias.create({ data: { actorId: keep.id, text: a.text, lang: a.lang } });
    aliases++;
  }
  const names = [keep.nameAr, keep.nameEn, ...have];
  await tx.actor.update({ where: { id: keep.id }, data: { searchText: [...new Set(names.map(normalizeForSearch).filter((n) => n.length > 0))].join("\n") } });

  await tx.actorRedirect.updateMany({ where: { actorId: drop.id }, data: to });
  await tx.actor.delete({ where: { id: drop.id } });
  await tx.actorRedirect.create({ data: { fromSlug: drop.slug, fromId: drop.id, actorId: keep.id } });
  return { keep: keep.slug, drop: drop.slug, mentions, participations, positions, aliases };
}
