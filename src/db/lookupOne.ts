import { badUserInput } from "../errors/badUserInput.js";
import { fromGlobalId } from "../ids/globalId.js";
import type { NodeType } from "../ids/globalId.js";
import type { SqlReader } from "./Sql.js";
import type { RowsById } from "../loaders/rowsById.js";

/** Where a row that no longer exists now lives (a merged actor), by its old id or slug; null when nowhere. */
export type Redirect = (sql: SqlReader, old: { id: number } | { slug: string }) => Promise<number | null>;

/**
 * The `thing(id:, slug:)` fields: exactly one of the two; an unknown id or slug is null (or, with
 * `redirect`, the row it was merged into), a malformed id a BAD_USER_INPUT.
 */
export async function lookupOne<T extends { id: number }>(
  sql: SqlReader,
  loader: RowsById<T>,
  type: NodeType,
  args: { id?: string | null; slug?: string | null },
  redirect?: Redirect,
): Promise<T | null> {
  if ((args.id == null) === (args.slug == null)) throw badUserInput(`Give exactly one of \`id\` or \`slug\` to look up a ${type}.`);
  if (args.id != null) {
    const decoded = fromGlobalId(args.id, "id");
    if (decoded.type !== type) return null;
    const found = await loader.load(decoded.id);
    const moved = found === null && redirect ? await redirect(sql, { id: decoded.id }) : null;
    return moved === null ? found : loader.load(moved);
  }
  const row = await loader.bySlug(args.slug!);
  if (row) return row;
  const moved = redirect ? await redirect(sql, { slug: args.slug! }) : null;
  return moved === null ? null : loader.load(moved);
}
