import { describe, expect, it } from "vitest";
import { OPERATIONS } from "../../bench/load/ops.js";
import { describeIfPostgres } from "../support/postgres.js";
import { seededPostgresDatabase } from "../support/seededPostgres.js";
import { testProvider } from "../support/testProvider.js";
import { differentialSuite } from "./differential.js";
import { SEED_SLUGS } from "./fixture.js";

// compiledReads.test.ts on PostgreSQL: every case of test/compiled/queries.ts must answer alike
// compiled and through the resolvers over the curated seed record, and the cases marked
// `expectCompiled` must be compiled here too. It runs under `npm run test:postgres`
// (vitest.postgres.config.ts, TAAWUN_TEST_DATABASE=postgres) and is skipped under `npm test`,
// which covers compiled reads on SQLite; without TAAWUN_TEST_POSTGRES_URL it skips, or fails in CI.
const suite = () =>
  differentialSuite(
    "compiled reads = graphql-js, seed record, PostgreSQL",
    async () => {
      const db = await seededPostgresDatabase();
      return { file: db.url, slugs: SEED_SLUGS, remove: () => db.remove() };
    },
    (pair) => {
      it("actorMeetings runs as few statements compiled as on SQLite", async () => {
        const readCase = { name: "actorMeetings", query: OPERATIONS.actorMeetings, variables: () => ({ slug: SEED_SLUGS.actor }) };
        const resolvers = await pair.run("resolvers", readCase);
        const compiled = await pair.run("compiled", readCase);
        expect(compiled.compiled).toBe(true);
        expect({ compiled: compiled.statements, resolvers: resolvers.statements }).toEqual({ compiled: 2, resolvers: 8 });
      });
    },
  );

if (testProvider() === "postgres") describeIfPostgres("compiled reads on PostgreSQL", suite);
else describe.skip("compiled reads on PostgreSQL (npm run test:postgres)", suite);
