import { defineConfig } from "vitest/config";

export default defineConfig({
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
