import type { Loaders } from "../loaders/createLoaders.js";
import type { SearchEdgeRow } from "./searchPage.js";
import type { SearchHitRow } from "./SearchHitRow.js";

/**
 * The record of a hit, through the request's loaders, so a page of hits costs one statement per
 * kind of record however many hits it holds. The index and the tables are written in the same
 * transactions, so a hit's row exists; a missing one is a broken invariant, not a client error.
 */
export async function loadSearchHit(edge: Pick<SearchEdgeRow, "type" | "id">, loaders: Loaders): Promise<SearchHitRow> {
  const { type, id } = edge;
  const row =
    type === "ARTICLE" ? await loaders.article.load(id).then((r) => r && ({ ...r, __typename: "Article" }) as const)
    : type === "ACTOR" ? await loaders.actor.load(id).then((r) => r && ({ ...r, __typename: "Actor" }) as const)
    : type === "MEETING" ? await loaders.meeting.load(id).then((r) => r && ({ ...r, __typename: "Meeting" }) as const)
    : await loaders.topic.load(id).then((r) => r && ({ ...r, __typename: "Topic" }) as const);
  if (!row) throw new Error(`SearchIndex names ${type} ${id}, which does not exist: the index is out of step with its table.`);
  return row;
}
