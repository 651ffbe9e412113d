import { describe, expect, it } from "vitest";
import { useSeededApi } from "../support/seededApi.js";

const api = useSeededApi();

const NESTED = `query ($first: Int) {
  meetings(first: $first) {
    edges { node {
      slug
      place { nameEn country { nameEn } }
      participants { role actor { nameEn affiliation { nameEn } positions { titleEn organisation { nameEn } evidence { quote article { slug } } } } }
      topics { slug parent { slug } }
      sources { quote article { slug publisher { nameEn } } }
    } }
  }
}`;

describe("nested queries run a bounded number of SQL statements", () => {
  it("runs at most one statement per level of the tree, whatever the page size", async () => {
    for (const first of [1, 3, 100]) {
      const { data, errors, statements } = await api.run(NESTED, { first });
      expect(errors).toBeUndefined();
      expect(data!.meetings.edges.length).toBe(Math.min(first, 10));
      // Levels: the page; places, countries; participants, actors, affiliations, positions,
      // organisations, evidence, articles; topic links, topics, parents; sources, publishers.
      // A per-row query would run one per meeting, participant and topic: well over 100 here.
      expect(statements).toBeLessThanOrEqual(15);
    }
  });

  it("pages the meetings of many actors with one statement, not one per actor", async () => {
    const query = `query ($first: Int) { actors(first: $first) { nodes { slug meetings(first: 2) { totalCount nodes { slug } } } } }`;
    const few = await api.run(query, { first: 2 });
    const many = await api.run(query, { first: 50 });
    expect(many.errors).toBeUndefined();
    expect(many.statements).toBe(few.statements);
    // The actor page, then one statement for every actor's meetings page and one for their counts.
    expect(many.statements).toBe(3);
  });

  it("does not run the count query unless totalCount is selected", async () => {
    const withoutCount = await api.run(`{ meetings(first: 3) { nodes { slug } } }`);
    const withCount = await api.run(`{ meetings(first: 3) { totalCount nodes { slug } } }`);
    expect(withoutCount.statements).toBe(1);
    expect(withCount.statements).toBe(2);
  });
});
