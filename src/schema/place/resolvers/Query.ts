import type { QueryResolvers } from "../../../generated/graphql.js";
import type { PlaceRow } from "../../../db/rows.js";
import { lookupOne } from "../../../db/lookupOne.js";

export const Query: Pick<QueryResolvers, "place" | "places"> = {
  place: (_parent, args, { sql, loaders }) => lookupOne(sql, loaders.place, "Place", args),
  places: (_parent, _args, { sql }) => sql.all<PlaceRow>(`SELECT * FROM "Place" ORDER BY nameEn, id`),
};
