import { expect, it } from "vitest";
import { differentialSuite } from "./differential.js";
import { SEED_SLUGS } from "./fixture.js";
import { AWKWARD_TEXT, trickyDatabase } from "./trickyDatabase.js";

// The same table over the seed record with the awkward rows trickyDatabase adds (escapes, ties,
// duplicate links, a merged actor): what the curated seed does not happen to contain.
differentialSuite(
  "compiled reads = graphql-js, seed record with awkward rows",
  async () => ({ ...(await trickyDatabase()), slugs: SEED_SLUGS }),
  (pair) => {
    it("holds the awkward rows (so the cases above meet them)", async () => {
      const data = await pair.resolvers.data(
        `query($actor: String!, $meeting: String!, $article: String!) {
          actor(slug: $actor) { nameEn aliases { text } positions { titleEn } }
          meeting(slug: $meeting) { summaryEn topics { slug } topicEvidence { topic { slug } } participants { actor { slug } } }
          article(slug: $article) { mentions { start } }
          merged: actor(slug: "merged-away-actor") { slug } }`,
        { actor: SEED_SLUGS.actor, meeting: SEED_SLUGS.meeting, article: SEED_SLUGS.article },
      );
      expect(data.actor.nameEn).toBe(AWKWARD_TEXT);
      expect(data.actor.positions.map((p: { titleEn: string }) => p.titleEn)).toContain("Adviser (undated)");
      const links = data.meeting.topicEvidence.map((link: { topic: { slug: string } }) => link.topic.slug);
      expect(new Set(links).size).toBeLessThan(links.length);
      expect(data.meeting.topics).toHaveLength(new Set(links).size);
      const participants = data.meeting.participants.map((p: { actor: { slug: string } }) => p.actor.slug);
      expect(new Set(participants).size).toBeLessThan(participants.length);
      const starts = data.article.mentions.map((m: { start: number }) => m.start);
      expect(new Set(starts).size).toBeLessThan(starts.length);
      expect(data.merged).toEqual({ slug: SEED_SLUGS.actor });
    });
  },
);
