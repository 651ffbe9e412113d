import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/db/createPrisma.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { ImportError } from "../../src/export/ImportError.js";
import { importRecord } from "../../src/export/importRecord.js";
import { checkLine, readExport } from "../../src/export/readExport.js";
import type { RecordLine } from "../../src/export/recordLines.js";
import { migratedDatabase, seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { seedLines } from "./support/syntheticExport.js";
import { anyUtf16, hostileString } from "./support/hostileStrings.js";

// The import on damaged input: a clear ImportError or a correct write, and never part of a line.
const ARTICLE_TABLES = ["Article", "Evidence", "Mention", "ArticleTopic"];
const HEADER = { type: "header", format: "taawun-record", version: 1, exportedAt: "2026-01-01T00:00:00.000Z", counts: {} } as const;

let target: TestDatabase;
let prisma: PrismaClient;
let article: Extract<RecordLine, { type: "article" }>;
let scratch: string;

beforeAll(async () => {
  const source = await seededDatabase();
  const lines = seedLines(source.file);
  source.remove();
  article = lines.find((l): l is Extract<RecordLine, { type: "article" }> => l.type === "article")!;
  // A database holding everything an article refers to (actors, topics, places) and no article.
  target = migratedDatabase();
  prisma = createPrisma(target.file);
  const reference = lines.filter((l) => l.type === "actor" || l.type === "topic" || l.type === "place");
  await importRecord(prisma, { header: HEADER, lines: reference.map((line, i) => ({ number: i + 2, line })) });
  scratch = mkdtempSync(join(tmpdir(), "taawun-fuzz-"));
});
afterAll(async () => {
  await prisma.$disconnect();
  target.remove();
  rmSync(scratch, { recursive: true, force: true });
});

const rowCounts = () => {
  const db = openDatabase(target.file, { readonly: true });
  const counts = ARTICLE_TABLES.map((t) => (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n);
  db.close();
  return counts;
};
const clearArticles = () => {
  const db = openDatabase(target.file);
  for (const table of [...ARTICLE_TABLES].reverse()) db.prepare(`DELETE FROM "${table}"`).run();
  db.close();
};

const cell = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), hostileString(), anyUtf16(10), fc.constant("x".repeat(50_000)), fc.constant({}), fc.constant([]));
const part = fc.constantFrom("article", "evidence", "mentions", "topics");

describe("importing a damaged article line", () => {
  it("writes the whole line correctly or refuses it with an ImportError, leaving none of it", async () => {
    await fc.assert(
      fc.asyncProperty(part, fc.nat(), fc.nat(), cell, async (which, rowIndex, columnIndex, value) => {
        const line = structuredClone(article) as unknown as Record<string, unknown>;
        const rows = Array.isArray(line[which]) ? (line[which] as Record<string, unknown>[]) : [line[which] as Record<string, unknown>];
        if (rows.length > 0) {
          const row = rows[rowIndex % rows.length]!;
          const columns = Object.keys(row);
          row[columns[columnIndex % columns.length]!] = value;
        }
        const expected = ARTICLE_TABLES.map((_, i) => (i === 0 ? 1 : (line[["article", "evidence", "mentions", "topics"][i]!] as unknown[]).length));
        try {
          await importRecord(prisma, { header: HEADER, lines: [{ number: 2, line: checkLine(line, 2) }] });
          expect(rowCounts()).toEqual(expected);
          // Whatever was accepted keeps the record's promise: quotes are the text at their offsets.
          const db = openDatabase(target.file, { readonly: true });
          const wrong = db.prepare(`SELECT COUNT(*) AS n FROM "Evidence" e JOIN "Article" a ON a.id = e.articleId
            WHERE e.quote <> substr(CASE e.field WHEN 'HEADLINE' THEN a.headline ELSE a.body END, e.start + 1, e."end" - e.start)`).get() as { n: number };
          db.close();
          expect(wrong.n).toBe(0);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.message).toMatch(/^line 2/);
          expect(rowCounts()).toEqual([0, 0, 0, 0]);
        } finally {
          clearArticles();
        }
      }),
      { numRuns: 120 },
    );
  });

  it("refuses arbitrary bytes as a file with an ImportError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyUtf16(200), fc.json(), fc.array(fc.json(), { maxLength: 4 }).map((l) => [JSON.stringify(HEADER), ...l].join("\n"))), async (content) => {
        const path = join(scratch, "junk.jsonl");
        writeFileSync(path, content);
        await expect(readExport(path)).rejects.toBeInstanceOf(ImportError);
      }),
      { numRuns: 120 },
    );
  });
});
