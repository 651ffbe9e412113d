import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extractArticle.js";
import { seedGazetteer } from "../../src/ingest/eval/seedGazetteer.js";
import type { Quote } from "../../src/ingest/types.js";
import { loadRecord, SEEDS_DIR } from "../../src/record/loadRecord.js";
import { planRecord } from "../../src/record/planRecord.js";

describe("every proposal's evidence is a verbatim substring at its offsets", () => {
  const raw = loadRecord();
  const gazetteer = seedGazetteer(planRecord(raw), raw, null);
  const files = [
    ...readdirSync(join(SEEDS_DIR, "articles")).map((f) => join(SEEDS_DIR, "articles", f)),
    ...readdirSync(join(SEEDS_DIR, "eval")).filter((f) => f.endsWith(".txt")).map((f) => join(SEEDS_DIR, "eval", f)),
  ];
  it.each(files)("%s", (file) => {
    const x = extractArticle(readFileSync(file, "utf8"), gazetteer, "2023-01-24");
    const quotes: Quote[] = [
      ...x.mentions,
      ...x.newActors.map((a) => a.evidence),
      ...x.meetings.flatMap((m) => [m.evidence, ...m.participants.map((p) => p.evidence), ...(m.placeEvidence ? [m.placeEvidence] : [])]),
      ...x.topics.map((t) => t.evidence),
    ];
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      const text = q.field === "HEADLINE" ? x.cleaned.headline : x.cleaned.body;
      expect(text?.slice(q.start, q.end)).toBe(q.quote);
    }
    for (const p of [...x.mentions, ...x.newActors, ...x.meetings, ...x.topics]) expect(p.confidence).toBeGreaterThan(0);
  });
});
