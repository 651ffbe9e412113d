import type { Database } from "better-sqlite3";
import { normalizeForSearch } from "../text/index.js";
import { SEARCH_COLUMNS } from "./searchColumns.js";

const TABLES = { article: "Article", meeting: "Meeting" } as const;

/**
 * Normalises, in JS, the indexed text of articles and meetings whose shadow columns are still
 * empty, i.e. rows written before the search_columns migration or by plain SQL that skipped them;
 * the update triggers then index them. With `all`, recomputes every row (after a change to the
 * normaliser) and writes only the ones that differ, so the index is touched only where needed.
 * One transaction; returns how many rows changed.
 */
export function fillSearchColumns(db: Database, options: { all?: boolean } = {}): number {
  let changed = 0;
  db.transaction(() => {
    for (const [model, columns] of Object.entries(SEARCH_COLUMNS)) {
      const table = TABLES[model as keyof typeof TABLES];
      const pairs = Object.entries(columns);
      const select = pairs.map(([source, shadow]) => `"${source}", "${shadow}"`).join(", ");
      const stale = options.all ? "" : ` WHERE ${pairs.map(([source, shadow]) => `("${shadow}" = '' AND COALESCE("${source}", '') <> '')`).join(" OR ")}`;
      const update = db.prepare(`UPDATE "${table}" SET ${pairs.map(([, shadow]) => `"${shadow}" = ?`).join(", ")} WHERE id = ?`);
      for (const row of db.prepare(`SELECT id, ${select} FROM "${table}"${stale}`).all() as Record<string, string | null>[]) {
        const values = pairs.map(([source]) => normalizeForSearch(row[source] ?? ""));
        if (values.every((value, i) => value === row[pairs[i]![1]])) continue;
        update.run(...values, row.id);
        changed++;
      }
    }
  })();
  return changed;
}
