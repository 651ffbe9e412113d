import type { QueryResolvers } from "../../../generated/graphql.js";
import type { ActorRow } from "../../../db/rows.js";
import { actorListSql } from "../../../db/actorListSql.js";
import { listPage } from "../../../db/listPage.js";
import { actorRedirect } from "../../../db/actorRedirect.js";
import { lookupOne } from "../../../db/lookupOne.js";

export const Query: Pick<QueryResolvers, "actor" | "actors"> = {
  actor: (_parent, args, { sql, loaders }) => lookupOne(sql, loaders.actor, "Actor", args, actorRedirect),
  actors: (_parent, { filter, ...page }, { sql }) => listPage<ActorRow>(sql, actorListSql(sql.dialect, filter), "ASC", page),
};
