import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The default embedded database, relative to the working directory. */
export const DEFAULT_DATABASE_FILE = "data/taawun.db";

/**
 * The SQLite file named by `DATABASE_URL` (`file:path` or a bare path), or the default under
 * `data/`. The parent directory is created so a fresh clone needs no setup step.
 */
export function databaseFile(url: string | undefined = process.env.DATABASE_URL): string {
  const raw = url && url.length > 0 ? url : DEFAULT_DATABASE_FILE;
  if (/^postgres(ql)?:\/\//.test(raw)) {
    throw new Error("DATABASE_URL points at PostgreSQL, but this command works on the embedded SQLite file only: unset DATABASE_URL or give a file: URL.");
  }
  const path = raw.startsWith("file:") ? raw.slice("file:".length) : raw;
  if (path === ":memory:") return path;
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  return absolute;
}
