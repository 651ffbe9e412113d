import { describeIfPostgres, postgresAdminUrl } from "../support/postgres.js";

/**
 * The PostgreSQL server the PostgreSQL search tests run against (a superuser: they create and
 * drop their own databases), e.g. postgres://postgres@127.0.0.1:5433/postgres.
 */
export const POSTGRES_TEST_URL = postgresAdminUrl() ?? null;

/** {@link describeIfPostgres} handing the body the server's URL (skipped locally, failing in CI without one). */
export function describePostgres(name: string, body: (url: string) => void): void {
  describeIfPostgres(name, () => body(POSTGRES_TEST_URL ?? ""));
}
