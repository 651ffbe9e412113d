import { afterAll, beforeAll } from "vitest";
import { createTestApi } from "./testApi.js";
import type { TestApi } from "./testApi.js";
import { seededPostgresDatabase } from "./seededPostgres.js";
import type { SeededPostgresDatabase } from "./seededPostgres.js";
import { seededDatabase } from "./testDatabase.js";
import { testProvider } from "./testProvider.js";
import type { TestDatabase } from "./testDatabase.js";

/**
 * Registers hooks that build a seeded database and a server over it for the calling test file,
 * and returns a proxy to that server's {@link TestApi} (usable once the hooks have run).
 */
export function useSeededApi(): TestApi {
  let database: TestDatabase | SeededPostgresDatabase;
  let api: TestApi;
  beforeAll(async () => {
    if (testProvider() === "postgres") {
      const pg = await seededPostgresDatabase();
      database = pg;
      api = await createTestApi(pg.url);
    } else {
      const file = await seededDatabase();
      database = file;
      api = await createTestApi(file.file);
    }
  });
  afterAll(async () => {
    await api?.close();
    await database?.remove();
  });
  return {
    run: (query, variables) => api.run(query, variables),
    data: (query, variables) => api.data(query, variables),
    close: () => api.close(),
  };
}
