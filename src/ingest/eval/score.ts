/** Precision, recall and F1 from counts; an empty side scores 1 (nothing to get wrong). */
export interface Score {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(tpPredicted: number, predicted: number, tpGold: number, gold: number): Score {
  const precision = predicted === 0 ? 1 : tpPredicted / predicted;
  const recall = gold === 0 ? 1 : tpGold / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp: tpGold, predicted, gold, precision, recall, f1 };
}

/** Sums counts, so the overall score is micro-averaged over articles. */
export function addCounts(parts: readonly { tpPredicted: number; predicted: number; tpGold: number; gold: number }[]) {
  return parts.reduce((a, b) => ({ tpPredicted: a.tpPredicted + b.tpPredicted, predicted: a.predicted + b.predicted, tpGold: a.tpGold + b.tpGold, gold: a.gold + b.gold }), { tpPredicted: 0, predicted: 0, tpGold: 0, gold: 0 });
}
