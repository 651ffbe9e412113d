/**
 * The export format: JSON Lines, one self-contained unit of the record per line, in an order in
 * which each line only refers to lines before it (so an import can write them one by one).
 *
 *   header    format, version, when, row counts per table
 *   actor     an Actor row with its ActorAlias rows (affiliations before their members)
 *   redirect  an ActorRedirect row: a merged-away actor's slug and id, and the actor kept
 *   topic     a Topic row (parents before children)
 *   place     a Place row
 *   article   an Article row with its Evidence, Mention and ArticleTopic rows
 *   position  a Position row (it cites an article's evidence)
 *   meeting   a Meeting row with its MeetingSource, Participant and MeetingTopic rows
 *   end       the number of lines and the counts again: a file without it is incomplete
 *
 * Rows are exactly the table's columns, ids included, so a restore keeps every id and with it
 * the global ids clients hold. API keys and the audit log are not part of the record: they
 * belong to one deployment, and key hashes have no business in a data file. Nor is the review
 * queue (Ingestion, Proposal): only what was accepted from it is record.
 */
export const EXPORT_FORMAT = "taawun-record";
export const EXPORT_VERSION = 1;

/** A table row as SQLite returns it. */
export type Row = Record<string, string | number | null>;

export type RecordLine =
  | { type: "actor"; actor: Row; aliases: Row[] }
  | { type: "redirect"; redirect: Row }
  | { type: "topic"; topic: Row }
  | { type: "place"; place: Row }
  | { type: "article"; article: Row; evidence: Row[]; mentions: Row[]; topics: Row[] }
  | { type: "position"; position: Row }
  | { type: "meeting"; meeting: Row; sources: Row[]; participants: Row[]; topics: Row[] };

export interface HeaderLine {
  type: "header";
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  counts: Record<string, number>;
}

export interface EndLine {
  type: "end";
  lines: number;
  counts: Record<string, number>;
}

/** Which table each part of a line goes to: the line's own row first, then its children. */
export const LINE_TABLES = {
  actor: { actor: "Actor", aliases: "ActorAlias" },
  redirect: { redirect: "ActorRedirect" },
  topic: { topic: "Topic" },
  place: { place: "Place" },
  article: { article: "Article", evidence: "Evidence", mentions: "Mention", topics: "ArticleTopic" },
  position: { position: "Position" },
  meeting: { meeting: "Meeting", sources: "MeetingSource", participants: "Participant", topics: "MeetingTopic" },
} as const;

/** Every table the export carries: the record. */
export const EXPORTED_TABLES: readonly string[] = Object.values(LINE_TABLES).flatMap((parts) => Object.values(parts));
