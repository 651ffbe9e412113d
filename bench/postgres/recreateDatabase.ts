import pg from "pg";
import { createDatabaseIfMissing } from "../../src/db/postgres/createDatabaseIfMissing.js";
import { assertBenchDatabase } from "./assertBenchDatabase.js";

/**
 * Drops the database `url` names and creates it again, empty. Only for databases named `bench_*`:
 * the URL comes from the command line, and a typo must not be able to drop a real record.
 */
export async function recreateDatabase(url: string): Promise<void> {
  assertBenchDatabase(url, "drop");
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    // FORCE: a server left running by an interrupted bench run must not block the reload.
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await createDatabaseIfMissing(url);
}
