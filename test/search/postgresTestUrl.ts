import { describe, it } from "vitest";

/**
 * The PostgreSQL server the PostgreSQL search tests run against (a superuser: they create and
 * drop their own databases), e.g. postgres://postgres@127.0.0.1:5433/postgres.
 */
export const POSTGRES_TEST_URL = process.env.TAAWUN_TEST_POSTGRES_URL || null;

/**
 * `describe` for tests that need the server: skipped without TAAWUN_TEST_POSTGRES_URL on a
 * developer's machine, but failing in CI, where a missing server must not pass silently.
 */
export function describePostgres(name: string, body: (url: string) => void): void {
  if (POSTGRES_TEST_URL) {
    const url = POSTGRES_TEST_URL;
    describe(name, () => body(url));
  } else if (process.env.CI) {
    describe(name, () => {
      it("needs TAAWUN_TEST_POSTGRES_URL", () => {
        throw new Error("CI is set but TAAWUN_TEST_POSTGRES_URL is not: point it at a PostgreSQL server (superuser) to run the PostgreSQL search tests.");
      });
    });
  } else {
    describe.skip(`${name} (set TAAWUN_TEST_POSTGRES_URL to run)`, () => body(""));
  }
}
