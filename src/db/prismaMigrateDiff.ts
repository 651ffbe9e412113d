import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "../..");
const PRISMA = resolve(ROOT, "node_modules/.bin/prisma");

/** What `prisma migrate diff --script` prints when the two datamodels describe the same tables. */
export const EMPTY_MIGRATION = /This is an empty migration/;

/**
 * The SQL taking a database from one datamodel (a schema.prisma file, or nothing) to another, as
 * `prisma migrate diff` writes it. The provider is the one the schema files name. A diff of two
 * datamodels needs no database (`prisma migrate dev` would need a shadow one and the native
 * engine), so it runs offline.
 */
export function prismaMigrateDiff(from: string | null, to: string): string {
  const source = from === null ? ["--from-empty"] : ["--from-schema-datamodel", resolve(from)];
  // The root prisma.config.ts opens DATABASE_URL's SQLite file when loaded, and refuses a
  // postgres:// URL; a datamodel diff touches no database, so the child gets none.
  const { DATABASE_URL: _unused, ...env } = process.env;
  return execFileSync(PRISMA, ["migrate", "diff", ...source, "--to-schema-datamodel", resolve(to), "--script"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}
