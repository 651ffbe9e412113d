import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { tableCounts } from "../../src/db/tableCounts.js";
import type { RecordLine } from "../../src/export/recordLines.js";
import { migratedDatabase, seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { checkIntegrity, exited, exportText, runCommand, startCommand, waitForOutput } from "./support/processes.js";
import { seedLines, syntheticArticles, withArticles, writeExportFile } from "./support/syntheticExport.js";

// Kill -9 in the middle of the two long writes, then show the database is consistent and that
// running the command again completes the job.
let source: TestDatabase;
let file: string;
let articles: Extract<RecordLine, { type: "article" }>[];

beforeAll(async () => {
  source = await seededDatabase();
  const lines = seedLines(source.file);
  const all = withArticles(lines, syntheticArticles(lines, 150));
  articles = all.filter((l): l is Extract<RecordLine, { type: "article" }> => l.type === "article");
  file = join(source.dir, "large.jsonl");
  writeExportFile(file, all);
});
afterAll(() => source.remove());

/** For every article of the file: is it in the database whole (true), absent (false), or in part (null)? */
function articleStates(dbFile: string): (boolean | null)[] {
  const db = openDatabase(dbFile, { readonly: true });
  const count = (table: string, articleId: unknown) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE articleId = ?`).get(articleId) as { n: number }).n;
  const states = articles.map(({ article, evidence, mentions, topics }) => {
    const present = db.prepare(`SELECT 1 FROM "Article" WHERE id = ?`).get(article.id) !== undefined;
    const found = [count("Evidence", article.id), count("Mention", article.id), count("ArticleTopic", article.id)];
    if (present && found.join() === [evidence.length, mentions.length, topics.length].join()) return true;
    if (!present && found.every((n) => n === 0)) return false;
    return null;
  });
  db.close();
  return states;
}

describe("SIGKILL in the middle of a large import", () => {
  it("leaves a consistent database with each article whole or absent, and a rerun completes it", async () => {
    const target = migratedDatabase();
    try {
      const child = startCommand("src/cli/importCommand.ts", [file], target.file);
      await waitForOutput(child, /import: \d+\/\d+ \(40%\)/);
      child.kill("SIGKILL");
      expect(await exited(child)).toBe("SIGKILL");

      expect(checkIntegrity(target.file)).toEqual({ integrity: "ok", foreignKeyViolations: 0 });
      const states = articleStates(target.file);
      expect(states).not.toContain(null);
      const whole = states.filter(Boolean).length;
      expect(whole).toBeGreaterThan(0);
      expect(whole).toBeLessThan(articles.length);

      const rerun = runCommand("src/cli/importCommand.ts", [file], target.file);
      expect(rerun.status).toBe(0);
      expect(rerun.out).toMatch(/imported \d+ lines, [1-9]\d* already present/);
      expect(articleStates(target.file).every(Boolean)).toBe(true);
      // Byte for byte the file that was imported: nothing lost, nothing doubled.
      expect(await exportText(target.file, join(target.dir, "after.jsonl"))).toBe(readFileSync(file, "utf8").replace(/"exportedAt":"[^"]*"/, ""));
    } finally {
      target.remove();
    }
  });
});

describe("SIGKILL in the middle of a seed", () => {
  it("leaves all of the seed or none of it, and a rerun seeds", async () => {
    const target = migratedDatabase();
    try {
      const child = startCommand("src/cli/seedCommand.ts", [], target.file);
      await waitForOutput(child, /actors .*59\/59/);
      child.kill("SIGKILL");
      await exited(child);
      expect(checkIntegrity(target.file)).toEqual({ integrity: "ok", foreignKeyViolations: 0 });
      const counts = (file: string) => {
        const db = openDatabase(file, { readonly: true });
        const result = tableCounts(db);
        db.close();
        return result;
      };
      const seeded = counts(source.file);
      // The seed is one transaction: a kill leaves every table empty (or, had it already
      // committed, complete); never some tables filled and others not.
      const afterKill = Object.values(counts(target.file));
      expect(afterKill.every((n) => n === 0) || afterKill.join() === Object.values(seeded).join()).toBe(true);
      expect(runCommand("src/cli/seedCommand.ts", [], target.file).status).toBe(0);
      expect(counts(target.file)).toEqual(seeded);
    } finally {
      target.remove();
    }
  });
});
