import type { Dialect } from "../../src/db/Sql.js";

/**
 * The database the suite runs against: SQLite unless `TAAWUN_TEST_DATABASE=postgres`
 * (`npm run test:postgres`), which runs the provider-neutral test files on PostgreSQL.
 */
export function testProvider(): Dialect {
  return process.env.TAAWUN_TEST_DATABASE === "postgres" ? "postgres" : "sqlite";
}
