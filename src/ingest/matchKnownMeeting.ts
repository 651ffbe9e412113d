import type { DateProposal, MeetingProposal } from "./types.js";

/** A meeting the record already holds, as same-meeting recognition needs it. */
export interface KnownMeeting {
  slug: string;
  participants: string[];
  place: string | null;
  date: DateProposal;
}

/** A proposal to add the new article as a further source of a recorded meeting, and why. */
export interface SameMeetingCandidate {
  meeting: string;
  sharedParticipants: string[];
  reasons: string[];
  confidence: number;
}

function datesCompatible(a: DateProposal | null, b: DateProposal): boolean | null {
  if (!a || (a.earliest === null && a.latest === null)) return null;
  if (a.weekday && b.weekday && a.weekday !== b.weekday && a.precision === "DAY" && b.precision === "DAY") return false;
  const aFrom = a.earliest ?? "0000-01-01";
  const aTo = a.latest ?? "9999-12-31";
  return aFrom <= (b.latest ?? "9999-12-31") && (b.earliest ?? "0000-01-01") <= aTo;
}

/**
 * The recorded meeting a proposed one most likely is (one real event reported by many outlets
 * must not be counted many times): at least two shared participants, or every participant of the
 * smaller side; dates that cannot overlap or different places rule a candidate out. A missing
 * date or place neither rules out nor supports.
 */
export function matchKnownMeeting(proposed: MeetingProposal, known: readonly KnownMeeting[]): SameMeetingCandidate | null {
  const actors = new Set(proposed.participants.map((p) => p.actor));
  let best: SameMeetingCandidate | null = null;
  for (const k of known) {
    const shared = k.participants.filter((a) => actors.has(a));
    if (shared.length < Math.min(2, actors.size, k.participants.length) || shared.length === 0) continue;
    const dates = datesCompatible(proposed.date, k.date);
    if (dates === false) continue;
    if (proposed.place && k.place && proposed.place !== k.place) continue;
    const reasons = [`same participants: ${shared.join(", ")}`];
    let confidence = 0.4 + 0.15 * Math.min(shared.length, 2);
    if (dates) {
      reasons.push(`compatible dates: ${proposed.date!.earliest ?? "?"}..${proposed.date!.latest ?? "?"} within ${k.date.earliest ?? "?"}..${k.date.latest ?? "?"}`);
      confidence += 0.15;
    } else reasons.push("no date to compare");
    if (proposed.place && proposed.place === k.place) {
      reasons.push(`same place: ${k.place}`);
      confidence += 0.1;
    }
    const candidate = { meeting: k.slug, sharedParticipants: shared, reasons, confidence: Math.min(confidence, 0.95) };
    if (!best || candidate.confidence > best.confidence) best = candidate;
  }
  return best;
}
