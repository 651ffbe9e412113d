import type { SqlReader } from "../../db/Sql.js";
import { ingestReport } from "../ingestReport.js";
import type { IngestReport } from "../ingestReport.js";
import { loadGazetteer, loadKnownMeetings, loadStoredArticles } from "../loadGazetteer.js";

/**
 * The pipeline against the record as it stands: the same function for the CLI (one text at a time
 * through the same reader) and the `ingestArticle` mutation, so both propose the same things.
 */
export async function reportFor(db: SqlReader, source: string, text: string, publishedOn: string | null): Promise<IngestReport> {
  return ingestReport(source, text, await loadGazetteer(db), await loadStoredArticles(db), publishedOn, await loadKnownMeetings(db));
}
