import type { Tx } from "../../db/writeTransaction.js";
import type { Quote } from "../types.js";

/** The Evidence row for a quote of an article, made once: the same span is one row. */
export async function evidenceFor(tx: Tx, articleId: number, quote: Quote): Promise<number> {
  const key = { articleId, field: quote.field, start: quote.start, end: quote.end };
  const found = await tx.evidence.findUnique({ where: { articleId_field_start_end: key }, select: { id: true } });
  if (found) return found.id;
  return (await tx.evidence.create({ data: { ...key, quote: quote.quote }, select: { id: true } })).id;
}
