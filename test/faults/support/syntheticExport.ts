import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { exportLines } from "../../../src/export/exportLines.js";
import { EXPORTED_TABLES, LINE_TABLES } from "../../../src/export/recordLines.js";
import type { RecordLine, Row } from "../../../src/export/recordLines.js";
import { openDatabase } from "../../../src/db/openDatabase.js";

type Line = { type: string } & Record<string, unknown>;

/** The lines of a real export of a seeded database, header and end line dropped. */
export function seedLines(file: string): RecordLine[] {
  const db = openDatabase(file, { readonly: true });
  try {
    return [...exportLines(db, "2026-01-01T00:00:00.000Z")].filter((line): line is RecordLine => line.type !== "header" && line.type !== "end");
  } finally {
    db.close();
  }
}

/**
 * `copies` more articles made from the seed's, each with fresh ids, slug and content hash and its
 * evidence, mentions and topics: a large import whose every article has a known, checkable shape.
 */
export function syntheticArticles(lines: readonly RecordLine[], copies: number): RecordLine[] {
  const articles = lines.filter((line): line is Extract<RecordLine, { type: "article" }> => line.type === "article");
  const maxId = (pick: (line: Extract<RecordLine, { type: "article" }>) => Row[]) => Math.max(0, ...articles.flatMap(pick).map((row) => row.id as number));
  let articleId = maxId((a) => [a.article]);
  let evidenceId = maxId((a) => a.evidence);
  let mentionId = maxId((a) => a.mentions);
  let topicLinkId = maxId((a) => a.topics);
  return Array.from({ length: copies }, (_, i) => {
    const source = articles[i % articles.length]!;
    const id = ++articleId;
    const slug = `synthetic-${String(i).padStart(6, "0")}`;
    const evidence = new Map<number, number>();
    return {
      type: "article",
      article: { ...source.article, id, slug, contentHash: createHash("sha256").update(slug).digest("hex") },
      evidence: source.evidence.map((row) => {
        evidence.set(row.id as number, ++evidenceId);
        return { ...row, id: evidenceId, articleId: id };
      }),
      mentions: source.mentions.map((row) => ({ ...row, id: ++mentionId, articleId: id })),
      topics: source.topics.map((row) => ({ ...row, id: ++topicLinkId, articleId: id, evidenceId: evidence.get(row.evidenceId as number)! })),
    };
  });
}

/** Writes lines as a complete export file (header, lines, end) with matching counts. */
export function writeExportFile(path: string, lines: readonly RecordLine[]): void {
  // Every exported table is counted, empty ones too (ActorRedirect is empty in the seed), as exportLines does.
  const counts: Record<string, number> = Object.fromEntries(EXPORTED_TABLES.map((table) => [table, 0]));
  for (const line of lines) {
    for (const [part, table] of Object.entries(LINE_TABLES[line.type])) {
      const value = (line as unknown as Line)[part] as Row | Row[];
      counts[table] = (counts[table] ?? 0) + (Array.isArray(value) ? value.length : 1);
    }
  }
  const header = { type: "header", format: "taawun-record", version: 1, exportedAt: "2026-01-01T00:00:00.000Z", counts };
  const end = { type: "end", lines: lines.length + 2, counts };
  writeFileSync(path, [header, ...lines, end].map((line) => JSON.stringify(line)).join("\n") + "\n");
}

/** Splices synthetic articles in after the seed's own (before positions and meetings). */
export function withArticles(lines: readonly RecordLine[], extra: readonly RecordLine[]): RecordLine[] {
  const firstAfterArticles = lines.findIndex((line) => line.type === "position" || line.type === "meeting");
  const at = firstAfterArticles < 0 ? lines.length : firstAfterArticles;
  return [...lines.slice(0, at), ...extra, ...lines.slice(at)];
}
