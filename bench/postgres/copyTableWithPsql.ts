import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyTextRow } from "./copyTextRow.js";

/** Where psql is; `COPY … FROM STDIN` through it, since pg-copy-streams is not a dependency. */
export const PSQL = process.env.PSQL ?? "/usr/bin/psql";

/** How much text to hand psql per write: large enough that a pipe write is not per row. */
const CHUNK_CHARS = 1 << 20;

/**
 * Streams `rows` into `table` with one `COPY … FROM STDIN` run by psql, which forwards its stdin
 * to the server (the COPY sub-protocol `pg` itself does not implement). One statement, so one
 * transaction: the table is either fully copied or not at all. Resolves to the number of rows.
 */
export async function copyTableWithPsql(
  url: string,
  table: string,
  columns: readonly string[],
  rows: Iterable<unknown[]>,
  onProgress: (rows: number) => void,
): Promise<number> {
  const list = columns.map((c) => `"${c}"`).join(", ");
  const psql = spawn(PSQL, [url, "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1", "-c", `COPY "${table}" (${list}) FROM STDIN`], {
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  psql.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(psql, "close") as Promise<[number | null]>;
  // A psql that dies early (bad URL, constraint violation) closes its stdin: the write error is
  // not the story, psql's own message is.
  psql.stdin.on("error", () => undefined);
  let count = 0;
  let chunk = "";
  for (const row of rows) {
    chunk += copyTextRow(row);
    count += 1;
    if (chunk.length >= CHUNK_CHARS) {
      if (!psql.stdin.write(chunk)) await Promise.race([once(psql.stdin, "drain"), exited]);
      chunk = "";
      onProgress(count);
      if (psql.exitCode !== null) break;
    }
  }
  psql.stdin.end(chunk);
  const [code] = await exited;
  if (code !== 0) throw new Error(`COPY into "${table}" failed (psql exited with ${code}): ${stderr.trim()}`);
  onProgress(count);
  return count;
}
