import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// `npm run test:postgres`: the provider-neutral test files (everything that reaches the database
// through the API or the migration runner, not through SQLite itself) against PostgreSQL, with
// TAAWUN_TEST_DATABASE=postgres and TAAWUN_TEST_POSTGRES_URL naming the server.
export default defineConfig({
  // One graphql-js, as at run time: Node loads graphql's CommonJS main for every importer, while
  // Vite would hand our sources its ES build ("module"), a second copy whose GraphQLError the
  // first one does not recognise (bad variables would read differently in tests than in use).
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }] },
  test: {
    include: [
      "test/api/**/*.test.ts",
      "test/examples/examples.test.ts",
      "test/search/snippet.test.ts",
      "test/search/searchRecord.test.ts",
      "test/search/hostileQueries.test.ts",
      "test/hardening/queryLimits.test.ts",
      "test/faults/apiInput.property.test.ts",
      "test/compiled/compiledReadsPostgres.test.ts",
    ],
    env: { TAAWUN_TEST_DATABASE: "postgres" },
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "test/artifacts/vitest-postgres.json" },
  },
});
