import type { MutationResolvers } from "../../../generated/graphql.js";
import { auditedWrite, writerOf } from "../../../audit/auditedWrite.js";
import { auditActor } from "../../../auth/Caller.js";
import { requireRole } from "../../../auth/requireRole.js";
import { badUserInput } from "../../../errors/badUserInput.js";
import { reviewProposal } from "../../../ingest/review/reviewProposal.js";
import type { Review } from "../../../ingest/review/reviewProposal.js";
import { reportFor } from "../../../ingest/store/reportFor.js";
import type { ProposalRow } from "../../../ingest/store/reviewRows.js";
import { storeIngestion } from "../../../ingest/store/storeIngestion.js";
import type { Context } from "../../../context/Context.js";

// Bounds on what a caller may send: an article is a few thousand characters; far more is a mistake or an attack.
const MAX_TEXT = 200_000;
const MAX_SHORT = 2_000;

function short(value: string | null | undefined, argument: string): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_SHORT) throw badUserInput(`\`${argument}\` must be 1–${MAX_SHORT} characters.`, argument);
  return trimmed;
}

async function review(context: Context, id: number, decision: Review) {
  const editor = requireRole(context.caller, "editor");
  const action = decision.accept ? "proposal.accept" : "proposal.reject";
  const done = await auditedWrite(writerOf(context), editor, action, async (tx) => {
    const reviewed = await reviewProposal(tx, id, decision, auditActor(editor));
    if (!reviewed) return { value: null, audit: null };
    return { value: reviewed.id, audit: { target: `proposal:${id}`, details: { kind: reviewed.kind, result: reviewed.result, ...(decision.accept ? {} : { reason: decision.reason }) } } };
  });
  return done === null ? null : ((await context.sql.get<ProposalRow>(`SELECT * FROM "Proposal" WHERE id = ?`, [done])) ?? null);
}

export const Mutation: Pick<MutationResolvers, "ingestArticle" | "acceptProposal" | "rejectProposal"> = {
  ingestArticle: async (_parent, { input }, context) => {
    const editor = requireRole(context.caller, "editor");
    if (input.text.trim().length === 0 || input.text.length > MAX_TEXT) throw badUserInput(`\`text\` must be 1–${MAX_TEXT} characters.`, "text");
    const ingest = { text: input.text, source: "api", publisher: short(input.publisher, "publisher"), url: short(input.url, "url"), publishedOn: input.publishedOn ?? null };
    // The same pipeline as `npm run ingest`, against the record as the read path sees it.
    const report = await reportFor(context.sql, "api", ingest.text, ingest.publishedOn);
    const stored = await auditedWrite(writerOf(context), editor, "ingestion.create", async (tx) => {
      const r = await storeIngestion(tx, ingest, report, auditActor(editor));
      return { value: r, audit: r.status === "STORED" ? { target: `ingestion:${r.ingestionId}`, details: { source: "api", proposals: r.proposals } } : null };
    });
    return stored.status === "DUPLICATE"
      ? { status: "DUPLICATE", ingestionId: null, duplicateOf: stored.article }
      : { status: stored.status, ingestionId: stored.ingestionId, duplicateOf: null };
  },
  acceptProposal: (_parent, { id }, context) => review(context, id, { accept: true }),
  rejectProposal: async (_parent, { id, reason }, context) => {
    requireRole(context.caller, "editor");
    return review(context, id, { accept: false, reason: short(reason, "reason")! });
  },
};
