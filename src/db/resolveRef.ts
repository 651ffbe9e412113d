import { badUserInput } from "../errors/badUserInput.js";
import { tryFromGlobalId } from "../ids/globalId.js";
import type { NodeType } from "../ids/globalId.js";
import type { SqlReader } from "./Sql.js";

const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const TABLES: Record<NodeType, string> = { Actor: "Actor", Article: "Article", Meeting: "Meeting", Topic: "Topic", Place: "Place" };

/**
 * Resolves a filter argument that may be a global id or a slug (analysts type slugs; clients
 * pass ids) to a row id, or null when nothing has it. An id of another type, or a string that is
 * neither form, is a BAD_USER_INPUT naming the argument.
 */
export async function resolveRef(sql: SqlReader, type: NodeType, value: string, argument: string): Promise<number | null> {
  const decoded = tryFromGlobalId(value);
  if (decoded) {
    if (decoded.type !== type) throw badUserInput(`\`${argument}\` expects a ${type} id or slug, but "${value}" is a ${decoded.type} id.`, argument);
    return decoded.id;
  }
  if (!SLUG.test(value)) {
    throw badUserInput(`\`${argument}\` expects a ${type} id or slug (lowercase letters, digits and hyphens), got "${value}".`, argument);
  }
  const row = await sql.get<{ id: number }>(`SELECT id FROM "${TABLES[type]}" WHERE slug = ?`, [value]);
  return row?.id ?? null;
}
