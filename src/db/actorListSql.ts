import type { ActorFilter } from "../generated/graphql.js";
import { searchFilterSql } from "../search/searchFilterSql.js";
import type { ListQuery } from "./meetingListSql.js";
import { actorColumns } from "./rows.js";
import type { Dialect } from "./Sql.js";

/**
 * Actor filter as keyset SQL ordered by slug. `search` runs through the full-text index
 * (src/search/), over the normalised names and aliases, so the hamza, ta marbuta, alef maqsura,
 * diacritic, tatweel and attached-prefix variants of a name all find the actor.
 */
export function actorListSql(dialect: Dialect, filter: ActorFilter | null | undefined): ListQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  const f = filter ?? {};
  let empty = false;
  const search = searchFilterSql(dialect, "ACTOR", f.search, "a.id", "filter.search");
  if (search && "empty" in search) empty = true;
  else if (search) {
    where.push(search.clause);
    params.push(...search.params);
  }
  if (f.kind != null) {
    where.push("a.kind = ?");
    params.push(f.kind);
  }
  const inner = `SELECT ${actorColumns("a")}, a.slug AS _k, a.id AS _id, 0 AS _p FROM "Actor" a${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  return { inner, params, empty };
}
