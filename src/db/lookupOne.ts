import { badUserInput } from "../errors/badUserInput.js";
import { fromGlobalId } from "../ids/globalId.js";
import type { NodeType } from "../ids/globalId.js";
import type { SqlReader } from "./Sql.js";
import type DataLoader from "dataloader";

/**
 * The `thing(id:, slug:)` fields: exactly one of the two; an unknown id or slug is null, a
 * malformed id a BAD_USER_INPUT.
 */
export async function lookupOne<T>(
  sql: SqlReader,
  loader: DataLoader<number, T | null>,
  type: NodeType,
  args: { id?: string | null; slug?: string | null },
): Promise<T | null> {
  if ((args.id == null) === (args.slug == null)) throw badUserInput(`Give exactly one of \`id\` or \`slug\` to look up a ${type}.`);
  if (args.id != null) {
    const decoded = fromGlobalId(args.id, "id");
    return decoded.type === type ? loader.load(decoded.id) : null;
  }
  const row = sql.get<{ id: number }>(`SELECT id FROM "${type}" WHERE slug = ?`, [args.slug]);
  return row ? loader.load(row.id) : null;
}
