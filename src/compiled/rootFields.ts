import type { Context } from "../context/Context.js";
import type { ActorFilter, ArticleFilter, MeetingFilter } from "../generated/graphql.js";
import { actorListSql } from "../db/actorListSql.js";
import { articleListSql } from "../db/articleListSql.js";
import type { ListQuery } from "../db/meetingListSql.js";
import { meetingListSql } from "../db/meetingListSql.js";
import type { Order } from "../db/pagination.js";

/** `thing(id:, slug:)` root fields compiled reads answer, by the table their rows live in. */
export const ROOT_LOOKUPS: Readonly<Record<string, { table: string }>> = {
  actor: { table: "Actor" },
  article: { table: "Article" },
  meeting: { table: "Meeting" },
  topic: { table: "Topic" },
  place: { table: "Place" },
};

/** A root connection: the same list SQL and order its resolver pages. */
export interface RootList {
  table: string;
  query: (context: Context, args: Record<string, unknown>) => ListQuery | Promise<ListQuery>;
  order: (args: Record<string, unknown>) => Order;
}

export const ROOT_LISTS: Readonly<Record<string, RootList>> = {
  meetings: {
    table: "Meeting",
    query: ({ sql }, args) => meetingListSql(sql, args.filter as MeetingFilter | null),
    order: (args) => (args.orderBy === "DATE_DESC" ? "DESC" : "ASC"),
  },
  actors: { table: "Actor", query: ({ sql }, args) => actorListSql(sql.dialect, args.filter as ActorFilter | null), order: () => "ASC" },
  articles: { table: "Article", query: ({ sql }, args) => articleListSql(sql, args.filter as ArticleFilter | null), order: () => "ASC" },
};
