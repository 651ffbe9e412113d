import { describe, expect, it } from "vitest";
import { evaluateSeeds, formatEval, MEASURES } from "../../src/ingest/eval/evaluateSeeds.js";

// Regression guard: the leave-one-out scores reached when the pipeline was written (overall,
// micro-averaged). Raise a floor when the pipeline improves; never lower one to make a change pass.
const FLOORS = {
  linkedMentions: { precision: 0.87, recall: 0.78, f1: 0.82 },
  newMentions: { precision: 0.59, recall: 0.59, f1: 0.59 },
  meetings: { precision: 0.7, recall: 0.7, f1: 0.7 },
  meetingDates: { precision: 0.6, recall: 0.3, f1: 0.4 },
  topics: { precision: 0.87, recall: 0.93, f1: 0.9 },
} as const;

describe("extraction against the curated seed record (leave-one-out)", () => {
  const result = evaluateSeeds();

  it("scores every seed article on every measure", () => {
    expect(result.articles).toHaveLength(5);
    for (const a of result.articles) expect(Object.keys(a.scores).sort()).toEqual([...MEASURES].sort());
    expect(formatEval(result)).toContain("overall (micro)");
  });

  it.each(MEASURES)("%s stays at or above its floor", (measure) => {
    const s = result.overall[measure];
    const floor = FLOORS[measure];
    expect(s.precision).toBeGreaterThanOrEqual(floor.precision);
    expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
    expect(s.f1).toBeGreaterThanOrEqual(floor.f1);
  });
});

describe("same-meeting recognition on the synthetic reports", () => {
  it("matches each report of a recorded meeting with it, and reports of new meetings with none", async () => {
    const { evaluateSameMeeting } = await import("../../src/ingest/eval/evaluateSameMeeting.js");
    const result = evaluateSameMeeting();
    expect(result.score.precision).toBe(1);
    expect(result.score.recall).toBe(1);
    for (const r of result.reports) expect(r.matched).toEqual(r.expected);
  });
});
