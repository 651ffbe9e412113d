import type { DatabaseTarget } from "./databaseTarget.js";
import { migrate } from "./migrate.js";
import type { MigrateResult } from "./migrate.js";
import { openDatabase } from "./openDatabase.js";
import { createDatabaseIfMissing } from "./postgres/createDatabaseIfMissing.js";
import { migratePostgres } from "./postgres/migratePostgres.js";
import { fillSearchColumns } from "../search/fillSearchColumns.js";

/** What {@link migrateTarget} did: the migrations applied, and rows newly given search text. */
export interface MigrateTargetResult extends MigrateResult {
  indexed: number;
}

/**
 * Applies the pending migrations of the target's provider (prisma/migrations or
 * prisma/postgres/migrations, kept in step). On SQLite, rows written before the search index
 * existed then get their normalised text; PostgreSQL support starts after that migration, so a
 * PostgreSQL database never holds such rows.
 */
export async function migrateTarget(target: DatabaseTarget): Promise<MigrateTargetResult> {
  if (target.provider === "postgres") {
    // As with the SQLite file, a fresh deployment needs no manual step: the database is made on first start.
    await createDatabaseIfMissing(target.url);
    return { ...(await migratePostgres(target.url)), indexed: 0 };
  }
  const db = openDatabase(target.file);
  try {
    const result = migrate(db);
    return { ...result, indexed: fillSearchColumns(db) };
  } finally {
    db.close();
  }
}
