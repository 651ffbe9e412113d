import { cleanArticle } from "./cleanArticle.js";
import type { CleanedArticle } from "./cleanArticle.js";
import { detectMeetings } from "./detectMeetings.js";
import { parseDates } from "./parseDates.js";
import { proposeActors } from "./proposeActors.js";
import { longestFirst } from "./findName.js";
import { linkActors } from "./linkActors.js";
import { tagTopics } from "./tagTopics.js";
import type { DateProposal, Field, Gazetteer, MeetingProposal, MentionProposal, NewActorProposal, TopicProposal } from "./types.js";

/** Everything the pipeline proposes for one article; nothing here is a fact until reviewed. */
export interface Extraction {
  cleaned: CleanedArticle;
  date: DateProposal | null;
  mentions: MentionProposal[];
  newActors: NewActorProposal[];
  meetings: MeetingProposal[];
  topics: TopicProposal[];
}

/**
 * The whole pipeline on one text: clean, link known actors, propose new ones, find dates, detect
 * meetings, tag topics. Pure (no database): the CLI, the mutation and the evaluation share it.
 * Headline and body are processed as separate fields so every offset is into its stored field.
 */
export function extractArticle(original: string, gazetteer: Gazetteer, publishedOn: string | null = null): Extraction {
  const cleaned = cleanArticle(original);
  const kinds = new Map(gazetteer.actors.map((a) => [a.slug, a.kind]));
  const fields: [Field, string][] = cleaned.headline === null ? [["BODY", cleaned.body]] : [["HEADLINE", cleaned.headline], ["BODY", cleaned.body]];
  const mentions: MentionProposal[] = [];
  const newActors = new Map<string, NewActorProposal>();
  const meetings: MeetingProposal[] = [];
  const topics = new Map<string, TopicProposal>();
  let date: DateProposal | null = null;
  for (const [field, text] of fields) {
    const known = linkActors(text, field, gazetteer);
    const proposed = proposeActors(text, field, known);
    for (const a of proposed.actors) if (!newActors.has(a.key)) newActors.set(a.key, a);
    const all = longestFirst([...known, ...proposed.mentions]);
    mentions.push(...all);
    const dates = parseDates(text, publishedOn);
    if (field === "BODY") date = dates.find((d) => d.date.earliest !== null || d.date.weekday !== null)?.date ?? null;
    const isPerson = (actor: string) => kinds.get(actor) === "PERSON" || newActors.get(actor)?.kind === "PERSON";
    for (const m of detectMeetings({ text, field, mentions: all, isPerson, isState: (actor) => kinds.get(actor) === "STATE", dates, gazetteer })) {
      const actors = new Set(m.participants.map((p) => p.actor));
      const same = meetings.find((k) => k.participants.filter((p) => actors.has(p.actor)).length >= Math.min(2, actors.size));
      if (!same) meetings.push(m);
      else if (same.evidence.field === "HEADLINE") {
        // A headline rarely dates or places the meeting; the body's report fills in both.
        same.date ??= m.date;
        if (same.place === null && m.place !== null) {
          same.place = m.place;
          same.placeEvidence = m.placeEvidence;
        }
      }
    }
    for (const t of tagTopics(text, field, gazetteer)) if (!topics.has(t.topic)) topics.set(t.topic, t);
  }
  return { cleaned, date, mentions, newActors: [...newActors.values()], meetings, topics: [...topics.values()] };
}
