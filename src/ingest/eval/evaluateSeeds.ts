import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadRecord, SEEDS_DIR } from "../../record/loadRecord.js";
import { planRecord } from "../../record/planRecord.js";
import { extractArticle } from "../extractArticle.js";
import type { Extraction } from "../extractArticle.js";
import { recordSurfaces, seedGazetteer } from "./seedGazetteer.js";
import { addCounts, score } from "./score.js";
import type { Score } from "./score.js";

export const MEASURES = ["linkedMentions", "newMentions", "meetings", "meetingDates", "topics"] as const;
export type Measure = (typeof MEASURES)[number];
type Counts = { tpPredicted: number; predicted: number; tpGold: number; gold: number };

export interface ArticleEval {
  article: string;
  counts: Record<Measure, Counts>;
  scores: Record<Measure, Score>;
}

export interface SeedEval {
  articles: ArticleEval[];
  overall: Record<Measure, Score>;
}

interface Span {
  field: string;
  start: number;
  end: number;
}
const overlaps = (a: Span, b: Span) => a.field === b.field && a.start < b.end && b.start < a.end;

/** Both sides of a match: how many predictions found a gold item, how many gold items were found. */
function matchCounts<P, G>(predicted: readonly P[], gold: readonly G[], same: (p: P, g: G) => boolean): Counts {
  return {
    tpPredicted: predicted.filter((p) => gold.some((g) => same(p, g))).length,
    predicted: predicted.length,
    tpGold: gold.filter((g) => predicted.some((p) => same(p, g))).length,
    gold: gold.length,
  };
}

const jaccard = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared || 1);
};

/**
 * Leave-one-out evaluation of the extraction against the curated seed record: each article is
 * extracted with a gazetteer built from the other four article records, then compared with its
 * own curated entries. Matching rules:
 * - linked mentions: same field, overlapping span, same actor (gold: named mentions of actors the
 *   gazetteer knows; nominal references such as "الوزير" are not counted);
 * - new mentions: same field, overlapping span of a gold mention of an actor the gazetteer does not know;
 * - meetings: participant sets (new actors mapped to the gold actor their mentions overlap most)
 *   with Jaccard ≥ 0.5;
 * - meeting dates: for matched meetings, the predicted range overlaps the curated one;
 * - topics: the article's set of topic slugs (meeting and background topics).
 * The publication date is given only where the curated article date is an exact day.
 */
export function evaluateSeeds(): SeedEval {
  const raw = loadRecord();
  const plan = planRecord(raw);
  const surfaces = recordSurfaces(raw);
  const articles: ArticleEval[] = [];
  for (const article of plan.articles) {
    const gazetteer = seedGazetteer(plan, raw, article.slug);
    const inGazetteer = new Set(gazetteer.actors.map((a) => a.slug));
    const publishedOn = article.date.precision === "DAY" ? article.date.earliest : null;
    const original = readFileSync(join(SEEDS_DIR, "articles", article.file), "utf8");
    const x: Extraction = extractArticle(original, gazetteer, publishedOn);
    const nominal = surfaces.get(article.slug)!.nominal;
    const goldMentions = article.mentions.filter((m) => !nominal.get(m.actor)?.has(m.surface));
    const goldLinked = goldMentions.filter((m) => inGazetteer.has(m.actor));
    const goldNew = goldMentions.filter((m) => !inGazetteer.has(m.actor));

    // Map each proposed new actor to the gold actor its mentions overlap most.
    const mapped = new Map<string, string>();
    for (const a of x.newActors) {
      const votes = new Map<string, number>();
      for (const m of x.mentions.filter((m) => m.actor === a.key)) {
        const g = article.mentions.find((g) => overlaps(g, m));
        if (g) votes.set(g.actor, (votes.get(g.actor) ?? 0) + 1);
      }
      const best = [...votes].sort((p, q) => q[1] - p[1])[0];
      if (best) mapped.set(a.key, best[0]);
    }
    const goldMeetings = plan.meetings.filter((m) => m.sources.some((s) => s.article === article.slug));
    const predictedMeetings = x.meetings.map((m) => ({ m, actors: new Set(m.participants.map((p) => mapped.get(p.actor) ?? p.actor)) }));
    const sameMeeting = (p: (typeof predictedMeetings)[number], g: (typeof goldMeetings)[number]) => jaccard(p.actors, new Set(g.participants.map((q) => q.actor))) >= 0.5;
    const dateOverlaps = (p: (typeof predictedMeetings)[number], g: (typeof goldMeetings)[number]) =>
      sameMeeting(p, g) && p.m.date?.earliest != null && (g.date.latest === null || p.m.date.earliest <= g.date.latest) && (g.date.earliest === null || (p.m.date.latest ?? p.m.date.earliest) >= g.date.earliest);
    const goldTopics = new Set([...article.topics.map((t) => t.topic), ...goldMeetings.flatMap((m) => m.topics.filter((t) => t.evidence.article === article.slug).map((t) => t.topic))]);

    const counts: Record<Measure, Counts> = {
      linkedMentions: matchCounts(x.mentions.filter((m) => m.known), goldLinked, (p, g) => overlaps(p, g) && p.actor === g.actor),
      newMentions: matchCounts(x.mentions.filter((m) => !m.known), goldNew, (p, g) => overlaps(p, g)),
      meetings: matchCounts(predictedMeetings, goldMeetings, sameMeeting),
      meetingDates: matchCounts(predictedMeetings.filter((p) => p.m.date?.earliest != null), goldMeetings.filter((g) => g.date.earliest !== null || g.date.latest !== null), dateOverlaps),
      topics: matchCounts(x.topics.map((t) => t.topic), [...goldTopics], (p, g) => p === g),
    };
    articles.push({ article: article.slug, counts, scores: scoresOf(counts) });
  }
  const overall = Object.fromEntries(MEASURES.map((k) => {
    const c = addCounts(articles.map((a) => a.counts[k]));
    return [k, score(c.tpPredicted, c.predicted, c.tpGold, c.gold)];
  })) as Record<Measure, Score>;
  return { articles, overall };
}

function scoresOf(c: Record<Measure, Counts>): Record<Measure, Score> {
  return Object.fromEntries(MEASURES.map((k) => [k, score(c[k].tpPredicted, c[k].predicted, c[k].tpGold, c[k].gold)])) as Record<Measure, Score>;
}

/** The evaluation as a fixed-width table: P/R/F1 per measure, per article and overall. */
export function formatEval(e: SeedEval): string {
  const cell = (s: Score) => `${s.precision.toFixed(2)}/${s.recall.toFixed(2)}/${s.f1.toFixed(2)} (${s.tp}/${s.gold})`.padEnd(24);
  const head = `${"article".padEnd(22)}${MEASURES.map((m) => m.padEnd(24)).join("")}`;
  const rows = e.articles.map((a) => `${a.article.padEnd(22)}${MEASURES.map((m) => cell(a.scores[m])).join("")}`);
  return [`P/R/F1 (found/gold), leave-one-out over the seed articles`, head, ...rows, `${"overall (micro)".padEnd(22)}${MEASURES.map((m) => cell(e.overall[m])).join("")}`].join("\n");
}
