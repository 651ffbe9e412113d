import type { Database } from "better-sqlite3";
import { toGlobalId } from "../ids/globalId.js";
import type { NodeType } from "../ids/globalId.js";

/**
 * The functions compiled reads (src/compiled) call from SQL: a global id is base64url, which
 * SQLite cannot write, and answering from SQL means every value of the answer is made there.
 */
export function registerSqlFunctions(db: Database): void {
  db.function("taawun_global_id", { deterministic: true }, (type: unknown, id: unknown) => toGlobalId(type as NodeType, id as number));
}
