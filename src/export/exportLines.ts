import type { Database } from "better-sqlite3";
import { parentsFirst } from "./parentsFirst.js";
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORTED_TABLES, LINE_TABLES } from "./recordLines.js";
import type { EndLine, HeaderLine, RecordLine, Row } from "./recordLines.js";

/** Row counts of the exported tables. */
export function exportedCounts(db: Database): Record<string, number> {
  return Object.fromEntries(EXPORTED_TABLES.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n]));
}

/** Adds a line's rows to per-table counts. */
function tally(counts: Record<string, number>, line: RecordLine): RecordLine {
  for (const [part, table] of Object.entries(LINE_TABLES[line.type])) {
    const value = (line as unknown as Record<string, Row | Row[]>)[part]!;
    counts[table] = (counts[table] ?? 0) + (Array.isArray(value) ? value.length : 1);
  }
  return line;
}

/**
 * The whole record as export lines (see recordLines.ts), read in one transaction so the file is
 * one consistent snapshot even while the server or an import writes.
 */
export function* exportLines(db: Database, exportedAt: string = new Date().toISOString()): Generator<HeaderLine | RecordLine | EndLine> {
  db.exec("BEGIN");
  try {
    const all = (sql: string) => db.prepare(sql).all() as Row[];
    const children = (table: string, column: string) => {
      const statement = db.prepare(`SELECT * FROM "${table}" WHERE "${column}" = ? ORDER BY id`);
      return (id: unknown) => statement.all(id) as Row[];
    };
    const counts = exportedCounts(db);
    const written: Record<string, number> = {};
    let lines = 1;
    yield { type: "header", format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, counts };
    const emit = (line: RecordLine) => {
      lines++;
      return tally(written, line);
    };

    const aliases = children("ActorAlias", "actorId");
    for (const actor of parentsFirst(all(`SELECT * FROM "Actor" ORDER BY id`), "affiliationId", "Actor")) {
      yield emit({ type: "actor", actor, aliases: aliases(actor.id) });
    }
    for (const redirect of all(`SELECT * FROM "ActorRedirect" ORDER BY id`)) yield emit({ type: "redirect", redirect });
    for (const topic of parentsFirst(all(`SELECT * FROM "Topic" ORDER BY id`), "parentId", "Topic")) yield emit({ type: "topic", topic });
    for (const place of all(`SELECT * FROM "Place" ORDER BY id`)) yield emit({ type: "place", place });
    const evidence = children("Evidence", "articleId");
    const mentions = children("Mention", "articleId");
    const articleTopics = children("ArticleTopic", "articleId");
    for (const article of all(`SELECT * FROM "Article" ORDER BY id`)) {
      yield emit({ type: "article", article, evidence: evidence(article.id), mentions: mentions(article.id), topics: articleTopics(article.id) });
    }
    for (const position of all(`SELECT * FROM "Position" ORDER BY id`)) yield emit({ type: "position", position });
    const sources = children("MeetingSource", "meetingId");
    const participants = children("Participant", "meetingId");
    const meetingTopics = children("MeetingTopic", "meetingId");
    for (const meeting of all(`SELECT * FROM "Meeting" ORDER BY id`)) {
      yield emit({ type: "meeting", meeting, sources: sources(meeting.id), participants: participants(meeting.id), topics: meetingTopics(meeting.id) });
    }
    // Children travel under their parent; a row whose parent is missing (ArticleTopic has no
    // foreign key to Article) would be left out silently, so what was written is checked.
    for (const [table, n] of Object.entries(counts)) {
      if ((written[table] ?? 0) !== n) throw new Error(`${n - (written[table] ?? 0)} ${table} row(s) belong to no exported parent: fix them, then export again.`);
    }
    yield { type: "end", lines: lines + 1, counts };
  } finally {
    db.exec("COMMIT");
  }
}
