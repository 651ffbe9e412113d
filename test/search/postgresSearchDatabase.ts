import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { postgresCopyRows } from "./postgresCopyRows.js";

const ROOT = resolve(import.meta.dirname, "../..");
/** The PostgreSQL search migration under test. */
export const POSTGRES_SEARCH_MIGRATION = join(ROOT, "prisma/postgres/migrations/20261123070000_search_index/migration.sql");

/** A throwaway database on the test server, with the record's tables and the search index. */
export interface PostgresSearchDatabase {
  url: string;
  client: pg.Client;
  drop(): Promise<void>;
}

let tables: Promise<string> | null = null;

/**
 * The CREATE statements of the record's tables on PostgreSQL, from a copy of prisma/schema.prisma
 * with the provider swapped (`prisma migrate diff` works offline). Independent of the PostgreSQL
 * migration runner, so these tests only depend on the schema; generated once per test file.
 */
function tablesDdl(): Promise<string> {
  tables ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "taawun-pg-schema-"));
    try {
      const schema = readFileSync(join(ROOT, "prisma/schema.prisma"), "utf8")
        .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
        .replace(/url\s*=\s*"file:[^"]*"/, 'url = "postgresql://x/y"');
      const file = join(dir, "schema.prisma");
      writeFileSync(file, schema);
      const prisma = join(ROOT, "node_modules/.bin/prisma");
      const { stdout } = await promisify(execFile)(prisma, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", file, "--script"], { cwd: ROOT, maxBuffer: 16 << 20 });
      return stdout;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return tables;
}

/**
 * Creates a database (UTF8, LC_COLLATE C, the given LC_CTYPE) with the record's tables; copies the
 * rows of a SQLite record into it when `sqliteFile` is given, before the search migration, so its
 * initial fill is what indexes them; then applies the search migration.
 */
export async function createPostgresSearchDatabase(serverUrl: string, options: { ctype?: "C" | "C.UTF-8"; sqliteFile?: string; migrate?: boolean } = {}): Promise<PostgresSearchDatabase> {
  const name = `h2_search_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE '${options.ctype ?? "C.UTF-8"}'`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const drop = async () => {
    await client.end();
    const again = new pg.Client({ connectionString: serverUrl });
    await again.connect();
    try {
      await again.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await again.end();
    }
  };
  try {
    await client.query(await tablesDdl());
    if (options.sqliteFile) await postgresCopyRows(options.sqliteFile, client);
    if (options.migrate ?? true) await client.query(readFileSync(POSTGRES_SEARCH_MIGRATION, "utf8"));
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), client, drop };
}
