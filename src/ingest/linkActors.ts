import { findName, foldField, longestFirst } from "./findName.js";
import type { Field, Gazetteer, MentionProposal } from "./types.js";

/**
 * Mentions of actors the record already knows: every name of every actor, folded, with attached
 * prefixes, inside quotes or guillemets. Overlaps resolve to the longer name, so "وزارة الداخلية في
 * إقليم كردستان" is one mention of the Kurdistan ministry and not also one of the federal one.
 * Confidence is lower for a one-word name (a bare surname can belong to someone else).
 */
export function linkActors(text: string, field: Field, gazetteer: Gazetteer): MentionProposal[] {
  const folded = foldField(text);
  const found: MentionProposal[] = [];
  for (const actor of gazetteer.actors) {
    for (const name of new Set(actor.names)) {
      for (const span of findName(folded, name)) {
        const oneWord = !/\s/u.test(name.trim());
        found.push({ ...span, field, quote: text.slice(span.start, span.end), actor: actor.slug, known: true, confidence: oneWord ? 0.8 : 0.95 });
      }
    }
  }
  return longestFirst(found);
}
