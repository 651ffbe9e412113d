import type { SqlReader } from "../../db/Sql.js";
import { ingestReport } from "../ingestReport.js";
import type { IngestReport } from "../ingestReport.js";
import { loadGazetteer, loadKnownMeetings, loadStoredArticles } from "../loadGazetteer.js";
import type { GazetteerSource } from "../loadGazetteer.js";

/** The API's reader seen as the gazetteer loaders' connection. */
export function gazetteerSource(sql: SqlReader): GazetteerSource {
  return { prepare: (statement) => ({ all: () => sql.all(statement) }) };
}

/**
 * The pipeline against the record as it stands: the same function for the CLI (one text at a time
 * through the same reader) and the `ingestArticle` mutation, so both propose the same things.
 */
export function reportFor(db: GazetteerSource, source: string, text: string, publishedOn: string | null): IngestReport {
  return ingestReport(source, text, loadGazetteer(db), loadStoredArticles(db), publishedOn, loadKnownMeetings(db));
}
