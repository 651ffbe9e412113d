import type { MigrationFile } from "./migrate.js";

/**
 * The migrations a database still needs, given what it recorded as applied (name → checksum).
 * Refuses, as Prisma does, when an applied migration's file has changed since: the database would
 * no longer match the schema the code was written for. `fix` tells the user what to do instead.
 */
export function pendingMigrations(migrations: readonly MigrationFile[], applied: ReadonlyMap<string, string>, fix: string): { pending: MigrationFile[]; alreadyApplied: number } {
  const pending: MigrationFile[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const recorded = applied.get(migration.name);
    if (recorded === undefined) pending.push(migration);
    else if (recorded !== migration.checksum) throw new Error(`Migration ${migration.name} was changed after it was applied to this database. ${fix}`);
    else alreadyApplied += 1;
  }
  return { pending, alreadyApplied };
}
