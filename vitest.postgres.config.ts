import { defineConfig } from "vitest/config";

// `npm run test:postgres`: the provider-neutral test files (everything that reaches the database
// through the API or the migration runner, not through SQLite itself) against PostgreSQL, with
// TAAWUN_TEST_DATABASE=postgres and TAAWUN_TEST_POSTGRES_URL naming the server.
export default defineConfig({
  test: {
    include: [
      "test/api/**/*.test.ts",
      "test/examples/examples.test.ts",
      "test/search/snippet.test.ts",
      "test/search/searchRecord.test.ts",
      "test/search/hostileQueries.test.ts",
      "test/hardening/queryLimits.test.ts",
      "test/faults/apiInput.property.test.ts",
    ],
    env: { TAAWUN_TEST_DATABASE: "postgres" },
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "test/artifacts/vitest-postgres.json" },
  },
});
