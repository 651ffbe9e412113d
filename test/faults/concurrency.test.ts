import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { tableCounts } from "../../src/db/tableCounts.js";
import type { RecordLine } from "../../src/export/recordLines.js";
import { migratedDatabase, seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { checkIntegrity, exited, exportText, startCommand } from "./support/processes.js";
import { seedLines, syntheticArticles, withArticles, writeExportFile } from "./support/syntheticExport.js";

// Two processes writing the same database file at the same time: nothing may be lost or doubled.
let source: TestDatabase;

beforeAll(async () => {
  source = await seededDatabase();
});
afterAll(() => source.remove());

async function runTogether(script: string, argsA: string[], argsB: string[], databaseFile: string) {
  const a = startCommand(script, argsA, databaseFile);
  const b = startCommand(script, argsB, databaseFile);
  let output = "";
  for (const child of [a, b]) {
    child.stdout!.on("data", (c: Buffer) => (output += c));
    child.stderr!.on("data", (c: Buffer) => (output += c));
  }
  const codes = await Promise.all([exited(a), exited(b)]);
  return { codes, output };
}

describe("concurrent writers on one database file", () => {
  it("two imports of overlapping files at once: every row of both arrives, once", async () => {
    const lines = seedLines(source.file);
    const extra = syntheticArticles(lines, 120);
    // Both files carry all the actors, topics, places, positions and meetings; each has half the articles.
    const [first, second, whole] = [extra.slice(0, 60), extra.slice(60), extra].map((part: RecordLine[], i) => {
      const path = join(source.dir, `part-${i}.jsonl`);
      writeExportFile(path, withArticles(lines, part));
      return path;
    });
    const target = migratedDatabase();
    try {
      const { codes, output } = await runTogether("src/cli/importCommand.ts", [first!], [second!], target.file);
      expect(codes, output).toEqual([0, 0]);
      expect(checkIntegrity(target.file)).toEqual({ integrity: "ok", foreignKeyViolations: 0 });
      expect(await exportText(target.file, join(target.dir, "both.jsonl"))).toBe(readFileSync(whole!, "utf8").replace(/"exportedAt":"[^"]*"/, ""));
    } finally {
      target.remove();
    }
  });

  it("two seeds at once: both succeed and the record is there exactly once", async () => {
    const target = migratedDatabase();
    try {
      const { codes, output } = await runTogether("src/cli/seedCommand.ts", [], [], target.file);
      expect(codes, output).toEqual([0, 0]);
      const [db, seeded] = [openDatabase(target.file, { readonly: true }), openDatabase(source.file, { readonly: true })];
      expect(tableCounts(db)).toEqual(tableCounts(seeded));
      db.close();
      seeded.close();
    } finally {
      target.remove();
    }
  });
});
