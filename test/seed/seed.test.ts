import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { tableCounts } from "../../src/db/tableCounts.js";
import { SEEDS_DIR } from "../../src/record/loadRecord.js";
import { seedDatabase } from "../../src/seed/seedDatabase.js";
import { migratedDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

let database: TestDatabase;
let seeds: string;

beforeEach(() => {
  database = migratedDatabase();
  seeds = mkdtempSync(join(tmpdir(), "taawun-seeds-"));
  cpSync(SEEDS_DIR, seeds, { recursive: true });
});
afterEach(() => {
  database.remove();
  rmSync(seeds, { recursive: true, force: true });
});

function counts() {
  const db = openDatabase(database.file, { readonly: true });
  try {
    return tableCounts(db);
  } finally {
    db.close();
  }
}

function ids() {
  const db = openDatabase(database.file, { readonly: true });
  try {
    return db.prepare(`SELECT 'a' || id || slug AS k FROM "Actor" UNION ALL SELECT 'm' || id || slug FROM "Meeting" ORDER BY 1`).all();
  } finally {
    db.close();
  }
}

/** Rewrites one record file with a text replacement, failing the test if the text is absent. */
function edit(relative: string, from: string, to: string) {
  const file = join(seeds, relative);
  const text = readFileSync(file, "utf8");
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

const EMPTY = { Actor: 0, ActorAlias: 0, Position: 0, Topic: 0, Place: 0, Article: 0, Evidence: 0, Mention: 0, ArticleTopic: 0, Meeting: 0, MeetingSource: 0, Participant: 0, MeetingTopic: 0 };

describe("seeding", () => {
  it("writes the record once: seeding twice changes no count and no id", async () => {
    await seedDatabase(database.file);
    const first = counts();
    const firstIds = ids();
    expect(first.Article).toBe(5);
    await seedDatabase(database.file);
    expect(counts()).toEqual(first);
    expect(ids()).toEqual(firstIds);
  });

  it("fails on a quote that is not verbatim, naming the file and the entry, and writes nothing", async () => {
    edit("record/articles/003_e671d139e0bcab16.yaml", "quote: 'تم بحث عمل بعثة الحلف في العراق", "quote: 'تم بحث عمل بعثه الحلف في العراق");
    await expect(seedDatabase(database.file, { seedsDir: seeds })).rejects.toThrow(
      /record\/articles\/003_e671d139e0bcab16\.yaml › meeting [a-z0-9-]+ topic [a-z-]+ quote: quote is not a verbatim substring of the stored text: "تم بحث عمل بعثه الحلف/,
    );
    expect(counts()).toEqual(EMPTY);
  });

  it("fails on a dangling actor slug, naming it", async () => {
    edit("record/articles/004_1f5f7481dc13df7a.yaml", "actor: qasim-al-araji", "actor: qasim-al-arajj");
    await expect(seedDatabase(database.file, { seedsDir: seeds })).rejects.toThrow('no actor with slug "qasim-al-arajj"');
    expect(counts()).toEqual(EMPTY);
  });

  it("fails on a duplicate actor slug", async () => {
    edit("record/actors.yaml", "- slug: iraq\n", "- slug: iraq\n  kind: STATE\n  nameAr: العراق\n  nameEn: Iraq\n- slug: iraq\n");
    await expect(seedDatabase(database.file, { seedsDir: seeds })).rejects.toThrow("record/actors.yaml › actor iraq: duplicate slug");
  });

  it("refuses a second copy of the same text", async () => {
    const original = readFileSync(join(seeds, "articles/001_b7e3ec9679121fa0.txt"), "utf8");
    writeFileSync(join(seeds, "articles/copy.txt"), original.replace(/\n/g, "\r\n"));
    const record = readFileSync(join(seeds, "record/articles/001_b7e3ec9679121fa0.yaml"), "utf8");
    writeFileSync(join(seeds, "record/articles/copy.yaml"), record.replace("file: 001_b7e3ec9679121fa0.txt", "file: copy.txt").replace(/\n {0,2}meetings:[\s\S]*$/, "\n"));
    await expect(seedDatabase(database.file, { seedsDir: seeds })).rejects.toThrow(/record\/articles\/copy\.yaml › file: the same text as record\/articles\/001_b7e3ec9679121fa0\.yaml/);
    expect(counts()).toEqual(EMPTY);
  });

  it("keeps the database as it was when a later seed fails", async () => {
    await seedDatabase(database.file);
    const before = counts();
    edit("record/articles/002_3680a3449cddc4b9.yaml", "ناتالي لويزو", "ناتالي لوازو");
    await expect(seedDatabase(database.file, { seedsDir: seeds })).rejects.toThrow("record/articles/002_3680a3449cddc4b9.yaml");
    expect(counts()).toEqual(before);
  });
});
