import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // One graphql-js, as at run time: Node loads graphql's CommonJS main for every importer, while
  // Vite would hand our sources its ES build ("module"), a second copy whose GraphQLError the
  // first one does not recognise (bad variables would read differently in tests than in use).
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }] },
  test: {
    include: ["test/**/*.test.ts", "src/**/__tests__/**/*.test.ts"],
    // Each file builds its own SQLite database from the migrations; files run in parallel processes.
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "test/artifacts/vitest.json" },
  },
});
