import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, it } from "vitest";
import { createDatabaseIfMissing } from "../../src/db/postgres/createDatabaseIfMissing.js";

const MISSING =
  "PostgreSQL tests need a server: set TAAWUN_TEST_POSTGRES_URL to an admin URL such as " +
  "postgres://postgres@127.0.0.1:5432/postgres (the user must be allowed to CREATE DATABASE). " +
  ".ci/run starts a throwaway server and sets it.";

/** The server PostgreSQL tests create their databases on, from `TAAWUN_TEST_POSTGRES_URL`. */
export function postgresAdminUrl(): string | undefined {
  const url = process.env.TAAWUN_TEST_POSTGRES_URL;
  return url && url.length > 0 ? url : undefined;
}

/** Whether this is a CI run, where a PostgreSQL test must never be skipped silently. */
function inCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/**
 * `describe` for tests that need a PostgreSQL server. Without `TAAWUN_TEST_POSTGRES_URL` they are
 * skipped on a developer's machine, but fail under CI (`CI` set): a CI that lost its server must
 * not report green.
 */
export function describeIfPostgres(name: string, body: () => void): void {
  if (postgresAdminUrl()) describe(name, body);
  else if (inCi()) {
    describe(name, () => {
      it("has a PostgreSQL server to run against", () => {
        throw new Error(MISSING);
      });
    });
  } else describe.skip(name, body);
}

/** A database of its own for one test file, dropped by `drop`. */
export interface PostgresTestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database with a unique name on the test server, created like production ones
 * (byte-order collation; src/db/postgres/createDatabaseIfMissing.ts). Names start with
 * `TAAWUN_TEST_POSTGRES_PREFIX` (default `taawun_test_`), so runs sharing a server can be told apart.
 */
export async function createPostgresDatabase(): Promise<PostgresTestDatabase> {
  const admin = postgresAdminUrl();
  if (!admin) throw new Error(MISSING);
  const name = `${process.env.TAAWUN_TEST_POSTGRES_PREFIX ?? "taawun_test_"}${randomBytes(6).toString("hex")}`;
  const url = new URL(admin);
  url.pathname = `/${name}`;
  if (!(await createDatabaseIfMissing(url.toString()))) throw new Error(`Test database ${name} already existed.`);
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        // FORCE: a Prisma client a failed test did not disconnect must not keep the database alive.
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The admin URL of a streaming standby of the test server (`TAAWUN_TEST_POSTGRES_REPLICA_URL`;
 * .ci/run starts one with pg_basebackup): every database created on the server appears there.
 */
export function postgresReplicaAdminUrl(): string | undefined {
  const url = process.env.TAAWUN_TEST_POSTGRES_REPLICA_URL;
  return url && url.length > 0 ? url : undefined;
}

/** `describe` for tests that need the standby as well: skipped without one, except under CI, where they fail. */
export function describeIfPostgresReplica(name: string, body: () => void): void {
  if (postgresAdminUrl() && postgresReplicaAdminUrl()) describe(name, body);
  else if (inCi()) {
    describe(name, () => {
      it("has a PostgreSQL server and a streaming standby of it", () => {
        throw new Error(`${MISSING} Tests of read replicas also need TAAWUN_TEST_POSTGRES_REPLICA_URL: the admin URL of a streaming standby of that server (.ci/run starts one).`);
      });
    });
  } else describe.skip(name, body);
}
