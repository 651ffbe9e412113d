import type { ActorFilter } from "../generated/graphql.js";
import { badUserInput } from "../errors/badUserInput.js";
import { normalizeForSearch } from "../text/index.js";
import type { ListQuery } from "./meetingListSql.js";

/** Longest search string accepted; longer input is a client bug, not a name. */
const MAX_SEARCH_LENGTH = 200;

/**
 * Actor filter as keyset SQL ordered by slug. `search` is a substring match over the stored
 * normalised names and aliases, so the hamza, ta marbuta, alef maqsura, diacritic, tatweel and
 * attached-prefix variants of a name all find the actor.
 */
export function actorListSql(filter: ActorFilter | null | undefined): ListQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const f = filter ?? {};
  let empty = false;
  if (f.search != null) {
    if (f.search.length > MAX_SEARCH_LENGTH) throw badUserInput(`\`filter.search\` may be at most ${MAX_SEARCH_LENGTH} characters.`, "filter.search");
    const needle = normalizeForSearch(f.search);
    if (needle.length === 0) {
      if (f.search.trim().length > 0) empty = true;
    } else {
      where.push("instr(a.searchText, ?) > 0");
      params.push(needle);
    }
  }
  if (f.kind != null) {
    where.push("a.kind = ?");
    params.push(f.kind);
  }
  const inner = `SELECT a.*, a.slug AS _k, a.id AS _id, 0 AS _p FROM "Actor" a${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  return { inner, params, empty };
}
