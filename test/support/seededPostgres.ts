import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { createPrisma } from "../../src/db/createPrisma.js";
import { DATABASE_OPTIONS } from "../../src/db/postgres/createDatabaseIfMissing.js";
import { migratePostgres, PG_MIGRATIONS_DIR } from "../../src/db/postgres/migratePostgres.js";
import { loadRecord, SEEDS_DIR } from "../../src/record/loadRecord.js";
import { planRecord } from "../../src/record/planRecord.js";
import { writeSeed } from "../../src/seed/writeSeed.js";
import { postgresAdminUrl } from "./postgres.js";

/** A database of its own on the test server, dropped by `remove`. */
export interface SeededPostgresDatabase {
  url: string;
  remove(): Promise<void>;
}

function postgresAdminUrlOrThrow(): string {
  const url = postgresAdminUrl();
  if (!url) throw new Error("TAAWUN_TEST_DATABASE=postgres needs TAAWUN_TEST_POSTGRES_URL=postgres://user@host:port/postgres (see docs/postgresql.md).");
  return url;
}

function databaseUrl(admin: string, name: string): string {
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Collation as SQLite's byte order (DATABASE_OPTIONS), so lists sort identically on both databases. */
const CREATE = (name: string, template?: string) =>
  template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}" ${DATABASE_OPTIONS}`;

/** Migrations and seed files decide what a seeded template holds: a change makes a new one. */
function seedFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(PG_MIGRATIONS_DIR);
  walk(SEEDS_DIR);
  return hash.digest("hex").slice(0, 12);
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(postgresAdminUrlOrThrow());
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated, seeded database, cloned from a template that the first test file to ask builds
 * (migrating and seeding once per run instead of once per file; CREATE DATABASE … TEMPLATE copies
 * files). Test files run in parallel processes, so the template is built under an advisory lock.
 */
export async function seededPostgresDatabase(): Promise<SeededPostgresDatabase> {
  const template = `taawun_seeded_${seedFingerprint()}`;
  return withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock(720261124)");
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (exists.rowCount === 0) {
        const building = `${template}_building`;
        await admin.query(`DROP DATABASE IF EXISTS "${building}"`);
        await admin.query(CREATE(building));
        const url = databaseUrl(postgresAdminUrlOrThrow(), building);
        await migratePostgres(url);
        const prisma = createPrisma({ provider: "postgres", url });
        try {
          await writeSeed(prisma, planRecord(loadRecord(SEEDS_DIR)));
        } finally {
          await prisma.$disconnect();
        }
        // Renamed only once complete, so a crash mid-build never leaves a template that looks ready.
        await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      }
    } finally {
      await admin.query("SELECT pg_advisory_unlock(720261124)");
    }
    return cloneDatabase(admin, template);
  });
}

async function cloneDatabase(admin: pg.Client, template: string): Promise<SeededPostgresDatabase> {
  const name = `${process.env.TAAWUN_TEST_POSTGRES_PREFIX ?? "taawun_test_"}${randomBytes(6).toString("hex")}`;
  await admin.query(CREATE(name, template));
  return { url: databaseUrl(postgresAdminUrlOrThrow(), name), remove: () => dropDatabase(name) };
}

function dropDatabase(name: string): Promise<void> {
  return withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
