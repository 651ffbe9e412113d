import type { QueryResolvers } from "../../../generated/graphql.js";
import { fromGlobalId } from "../../../ids/globalId.js";
import type { Context } from "../../../context/Context.js";
import { badUserInput } from "../../../errors/badUserInput.js";
import { actorRedirect } from "../../../db/actorRedirect.js";

const MAX_NODES = 100;

async function loadMovedActor(id: number, context: Context) {
  const moved = await actorRedirect(context.sql, { id });
  return moved === null ? null : context.loaders.actor.load(moved);
}

/** Loads any node by global id, tagging it so `Node.__resolveType` can tell the type. */
async function loadNode(id: string, context: Context) {
  const { type, id: rowId } = fromGlobalId(id, "id");
  const loaders = context.loaders;
  const row =
    // A merged-away actor's id still resolves, to the actor it was merged into.
    type === "Actor" ? ((await loaders.actor.load(rowId)) ?? (await loadMovedActor(rowId, context)))
    : type === "Article" ? await loaders.article.load(rowId)
    : type === "Meeting" ? await loaders.meeting.load(rowId)
    : type === "Topic" ? await loaders.topic.load(rowId)
    : await loaders.place.load(rowId);
  return row ? Object.assign(row, { __typename: type }) : null;
}

export const Query: Pick<QueryResolvers, "node" | "nodes"> = {
  node: (_parent, { id }, context) => loadNode(id, context) as never,
  nodes: (_parent, { ids }, context) => {
    if (ids.length > MAX_NODES) throw badUserInput(`\`ids\` may name at most ${MAX_NODES} nodes.`, "ids");
    return Promise.all(ids.map((id) => loadNode(id, context))) as never;
  },
};
