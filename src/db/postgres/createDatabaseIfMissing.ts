import pg from "pg";
import { redactUrl } from "../redactUrl.js";

/**
 * How a taawun database is created. LC_COLLATE 'C' makes text compare and sort by code point,
 * as SQLite's BINARY collation does, so ORDER BY, ranges and uniqueness agree across providers
 * whatever the server's default locale. LC_CTYPE 'C.UTF-8' keeps character classes and
 * upper()/lower() Unicode-aware, which 'C' would restrict to ASCII. template0, because template1
 * may carry another locale, which CREATE DATABASE refuses to change.
 */
export const DATABASE_OPTIONS = "TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'";

const UNKNOWN_DATABASE = "3D000";
const DUPLICATE_DATABASE = "42P04";
const UNIQUE_VIOLATION = "23505";
const INVALID_LOCALE = "42809";

/**
 * Creates the database `url` names when it does not exist yet (with {@link DATABASE_OPTIONS}),
 * connecting to the server's `postgres` database to do so; resolves to whether it created it.
 * A database that exists is left as it is, so a user without CREATEDB can point DATABASE_URL at
 * one made for them. Replicas racing to create it are fine: the losers see it exist.
 */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (name === "") throw new Error(`DATABASE_URL ${redactUrl(url)} names no database: add one, e.g. postgres://host/taawun.`);
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== UNKNOWN_DATABASE) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} ${DATABASE_OPTIONS}`);
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return false;
    if (code === INVALID_LOCALE) {
      throw new Error(
        `The PostgreSQL server at ${redactUrl(url)} has no C.UTF-8 locale. Create the database yourself with ` +
          `LC_COLLATE 'C' and a UTF-8 LC_CTYPE it has (see \`locale -a\` on the server), e.g. ` +
          `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'en_US.UTF-8', then start again.`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    await admin.end();
  }
}

