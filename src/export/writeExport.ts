import { once } from "node:events";
import { createWriteStream, renameSync, rmSync } from "node:fs";
import type { Database } from "better-sqlite3";
import { exportLines } from "./exportLines.js";
import type { StepProgress } from "./progress.js";

/**
 * Writes the record to `file` as JSON Lines. The lines go to `<file>.partial`, renamed into place
 * only when complete, so an interrupted export never leaves a file that looks whole (and an
 * import would refuse it anyway: it has no closing line). Returns the row counts.
 */
export async function writeExport(db: Database, file: string, progress: StepProgress = () => {}): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: "utf8" });
  let counts: Record<string, number> = {};
  try {
    let total = 0;
    let done = 0;
    for (const line of exportLines(db)) {
      if (line.type === "header") {
        counts = line.counts;
        // One line per actor, topic, place, article, position and meeting, plus header and end.
        total = 2 + ["Actor", "Topic", "Place", "Article", "Position", "Meeting"].reduce((n, table) => n + (counts[table] ?? 0), 0);
      }
      if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, "drain");
      progress(++done, total);
    }
    out.end();
    await once(out, "close");
    renameSync(partial, file);
    return counts;
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
