import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { ingestReport } from "../../src/ingest/ingestReport.js";
import { loadGazetteer, loadStoredArticles } from "../../src/ingest/loadGazetteer.js";
import type { Gazetteer } from "../../src/ingest/types.js";
import type { StoredArticleText } from "../../src/ingest/findDuplicate.js";
import { SEEDS_DIR } from "../../src/record/loadRecord.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

describe("ingestReport against the seeded record", () => {
  let database: TestDatabase;
  let gazetteer: Gazetteer;
  let stored: StoredArticleText[];

  beforeAll(async () => {
    database = await seededDatabase();
    const db = openDatabase(database.file, { readonly: true });
    gazetteer = await loadGazetteer(new Sql(db));
    stored = await loadStoredArticles(new Sql(db));
    db.close();
  });
  afterAll(() => database.remove());

  it("loads actors with their aliases, topic keywords and places", () => {
    expect(gazetteer.actors.find((a) => a.slug === "qasim-al-araji")?.names).toEqual(expect.arrayContaining(["قاسم الأعرجي", "الأعرجي"]));
    expect(gazetteer.topics.find((t) => t.slug === "cybersecurity")?.keywordsAr.length).toBeGreaterThan(0);
    expect(gazetteer.places.some((p) => p.slug === "baghdad")).toBe(true);
  });

  it("refuses a seed article again, naming the stored one, and gives the same answer twice", () => {
    const text = readFileSync(join(SEEDS_DIR, "articles/004_1f5f7481dc13df7a.txt"), "utf8");
    const first = ingestReport("004", text, gazetteer, stored);
    expect(first).toMatchObject({ status: "DUPLICATE", duplicate: { kind: "EXACT", slug: "004_1f5f7481dc13df7a" } });
    expect(ingestReport("004", text, gazetteer, stored)).toEqual(first);
  });

  it("proposes a record for another outlet's report of a known meeting", () => {
    const text = readFileSync(join(SEEDS_DIR, "eval/same-meeting-araji-munsch.txt"), "utf8");
    const report = ingestReport("synthetic", text, gazetteer, stored, "2023-01-24");
    expect(report.status).toBe("PROPOSED");
    if (report.status !== "PROPOSED") return;
    const x = report.extraction;
    expect(x.cleaned.removedLines.map((l) => l.line)).toEqual(["شارك على فيسبوك", "التعليقات"]);
    expect(x.meetings).toHaveLength(1);
    expect(x.meetings[0]).toMatchObject({ place: "baghdad", date: { precision: "DAY", earliest: "2023-01-24" } });
    expect(x.meetings[0]!.participants.map((p) => [p.role, p.actor])).toEqual([["HOST", "qasim-al-araji"], ["VISITOR", "stuart-munsch"]]);
    // Every quote is verbatim at its offsets.
    const fieldText = (f: "HEADLINE" | "BODY") => (f === "HEADLINE" ? x.cleaned.headline! : x.cleaned.body);
    for (const q of [...x.mentions, ...x.topics.map((t) => t.evidence), ...x.meetings.map((m) => m.evidence)]) {
      expect(fieldText(q.field).slice(q.start, q.end)).toBe(q.quote);
    }
  });
});
