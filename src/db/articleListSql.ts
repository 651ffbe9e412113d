import type { ArticleFilter } from "../generated/graphql.js";
import { searchFilterSql } from "../search/searchFilterSql.js";
import { dateRangeSql } from "./dateRangeSql.js";
import { articleColumns } from "./rows.js";
import { resolveRef } from "./resolveRef.js";
import { treeCte } from "./treeCte.js";
import type { SqlReader } from "./Sql.js";
import type { ListQuery } from "./meetingListSql.js";

/**
 * Validates an article filter and turns it into keyset SQL; dates match when they overlap, and
 * `search` keeps the articles the full-text index matches (src/search/), in date order.
 */
export async function articleListSql(sql: SqlReader, filter: ArticleFilter | null | undefined): Promise<ListQuery> {
  const where: string[] = [];
  const params: unknown[] = [];
  let empty = false;
  const f = filter ?? {};
  if (f.actor != null) {
    const id = await resolveRef(sql, "Actor", f.actor, "filter.actor");
    if (id === null) empty = true;
    else {
      where.push(`ar.id IN (SELECT articleId FROM "Mention" WHERE actorId = ?)`);
      params.push(id);
    }
  }
  if (f.topic != null) {
    const id = await resolveRef(sql, "Topic", f.topic, "filter.topic");
    if (id === null) empty = true;
    else {
      where.push(`ar.id IN (${treeCte("Topic", true)}
        SELECT e.articleId FROM "MeetingTopic" mt JOIN "Evidence" e ON e.id = mt.evidenceId WHERE mt.topicId IN (SELECT id FROM tree)
        UNION SELECT at.articleId FROM "ArticleTopic" at WHERE at.topicId IN (SELECT id FROM tree))`);
      params.push(JSON.stringify([id]));
    }
  }
  if (f.publisher != null) {
    const id = await resolveRef(sql, "Actor", f.publisher, "filter.publisher");
    if (id === null) empty = true;
    else {
      where.push("ar.publisherId = ?");
      params.push(id);
    }
  }
  const dates = dateRangeSql("ar", f.from, f.to);
  where.push(...dates.where);
  params.push(...dates.params);
  const search = searchFilterSql(sql.dialect, "ARTICLE", f.search, "ar.id", "filter.search");
  if (search && "empty" in search) empty = true;
  else if (search) {
    where.push(search.clause);
    params.push(...search.params);
  }
  const inner = `SELECT ${articleColumns("ar")}, ar.dateSort AS _k, ar.id AS _id, 0 AS _p FROM "Article" ar${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  return { inner, params, empty };
}
