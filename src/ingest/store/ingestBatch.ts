import { recordAudit } from "../../audit/recordAudit.js";
import { writeTransaction } from "../../db/writeTransaction.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { cleanArticle } from "../cleanArticle.js";
import { DuplicateIndex } from "../findDuplicate.js";
import { ingestReport } from "../ingestReport.js";
import type { IngestReport } from "../ingestReport.js";
import { loadGazetteer, loadKnownMeetings, loadStoredArticles } from "../loadGazetteer.js";
import type { SqlReader } from "../../db/Sql.js";
import { storeIngestion } from "./storeIngestion.js";
import type { IngestInput, StoreResult } from "./storeIngestion.js";

/**
 * `npm run ingest`: runs the pipeline on each text and stores its ingestion and proposals, one
 * audited transaction per text (a failure leaves the earlier texts stored). The gazetteer is read
 * once per batch; later texts are checked for duplicates against earlier ones too. Returns each
 * text's report and what was stored (nothing, the second time a text is ingested).
 */
export async function ingestBatch(
  prisma: PrismaClient,
  db: SqlReader,
  inputs: readonly IngestInput[],
  actor: string,
  onEach: (done: number) => void = () => {},
): Promise<{ report: IngestReport; stored: StoreResult }[]> {
  const gazetteer = await loadGazetteer(db);
  const stored = new DuplicateIndex(await loadStoredArticles(db));
  const knownMeetings = await loadKnownMeetings(db);
  const out: { report: IngestReport; stored: StoreResult }[] = [];
  for (const input of inputs) {
    const report = ingestReport(input.source, input.text, gazetteer, stored, input.publishedOn, knownMeetings);
    const result = await writeTransaction(prisma, async (tx) => {
      const r = await storeIngestion(tx, input, report, actor);
      if (r.status === "STORED") {
        await recordAudit(tx, { actor, keyId: null, action: "ingestion.create", target: `ingestion:${r.ingestionId}`, details: { source: input.source, proposals: r.proposals } });
      }
      return r;
    });
    if (report.status === "PROPOSED") {
      const { headline, body } = cleanArticle(input.text);
      stored.add({ slug: `batch:${input.source}`, headline, body });
    }
    out.push({ report, stored: result });
    onEach(out.length);
  }
  return out;
}
