import { expect, it } from "vitest";
import { OPERATIONS } from "../../bench/load/ops.js";
import { seededDatabase } from "../support/testDatabase.js";
import { differentialSuite } from "./differential.js";
import { SEED_SLUGS } from "./fixture.js";

// Compiled reads (src/compiled) against graphql-js over the curated seed record: every case of
// test/compiled/queries.ts must answer alike on both paths (compiledReadsCorpus.test.ts runs the
// same table over a bigger synthetic corpus).
differentialSuite(
  "compiled reads = graphql-js, seed record",
  async () => ({ ...(await seededDatabase()), slugs: SEED_SLUGS }),
  (pair) => {
    it("actorMeetings runs fewer statements compiled than through the resolvers", async () => {
      const readCase = { name: "actorMeetings", query: OPERATIONS.actorMeetings, variables: () => ({ slug: SEED_SLUGS.actor }) };
      const resolvers = await pair.run("resolvers", readCase);
      const compiled = await pair.run("compiled", readCase);
      expect(compiled.compiled).toBe(true);
      expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(resolvers.data));
      expect({ compiled: compiled.statements, resolvers: resolvers.statements }).toEqual({ compiled: 2, resolvers: 8 });
    });
  },
);
