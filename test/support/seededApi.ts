import { afterAll, beforeAll } from "vitest";
import { createTestApi } from "./testApi.js";
import type { TestApi } from "./testApi.js";
import { seededDatabase } from "./testDatabase.js";
import type { TestDatabase } from "./testDatabase.js";

/**
 * Registers hooks that build a seeded database and a server over it for the calling test file,
 * and returns a proxy to that server's {@link TestApi} (usable once the hooks have run).
 */
export function useSeededApi(): TestApi {
  let database: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    database = await seededDatabase();
    api = await createTestApi(database.file);
  });
  afterAll(async () => {
    await api.close();
    database.remove();
  });
  return {
    run: (query, variables) => api.run(query, variables),
    data: (query, variables) => api.data(query, variables),
    close: () => api.close(),
  };
}
