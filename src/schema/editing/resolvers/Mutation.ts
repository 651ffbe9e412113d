import type { MutationResolvers } from "../../../generated/graphql.js";
import { auditedWrite, writerOf } from "../../../audit/auditedWrite.js";
import { requireRole } from "../../../auth/requireRole.js";
import { checkSummary } from "../../../editing/checkSummary.js";
import { badUserInput } from "../../../errors/badUserInput.js";
import { meetingColumns } from "../../../db/rows.js";
import type { MeetingRow } from "../../../db/rows.js";

const MAX_SLUG_LENGTH = 200;

export const Mutation: Pick<MutationResolvers, "updateMeetingSummary"> = {
  updateMeetingSummary: async (_parent, args, context) => {
    // The role check comes before any lookup, so a caller without the role learns nothing about slugs.
    const editor = requireRole(context.caller, "editor");
    if (args.summaryEn == null && args.summaryAr == null) throw badUserInput("Give `summaryEn`, `summaryAr` or both.");
    if (args.slug.length > MAX_SLUG_LENGTH) throw badUserInput(`\`slug\` may be at most ${MAX_SLUG_LENGTH} characters.`, "slug");
    const data = {
      ...(args.summaryEn != null ? { summaryEn: checkSummary(args.summaryEn, "summaryEn") } : {}),
      ...(args.summaryAr != null ? { summaryAr: checkSummary(args.summaryAr, "summaryAr") } : {}),
    };
    const id = await auditedWrite(writerOf(context), editor, "meeting.updateSummary", async (tx) => {
      const before = await tx.meeting.findUnique({ where: { slug: args.slug }, select: { id: true, summaryEn: true, summaryAr: true } });
      if (!before) return { value: null, audit: null };
      await tx.meeting.update({ where: { id: before.id }, data });
      const old = Object.fromEntries(Object.keys(data).map((key) => [key, before[key as keyof typeof data]]));
      return { value: before.id, audit: { target: `meeting:${args.slug}`, details: { old, new: data } } };
    });
    // Read back through the read path's connection (WAL: it sees the commit), not the loader cache.
    return id === null ? null : ((await context.sql.get<MeetingRow>(`SELECT ${meetingColumns()} FROM "Meeting" WHERE id = ?`, [id])) ?? null);
  },
};
