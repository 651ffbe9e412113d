import type { ArticleFilter } from "../generated/graphql.js";
import { badUserInput } from "../errors/badUserInput.js";
import { checkIsoDay } from "./isoDate.js";
import { resolveRef } from "./resolveRef.js";
import { treeCte } from "./treeCte.js";
import type { SqlReader } from "./Sql.js";
import type { ListQuery } from "./meetingListSql.js";

/** Validates an article filter and turns it into keyset SQL; dates match when they overlap. */
export function articleListSql(sql: SqlReader, filter: ArticleFilter | null | undefined): ListQuery {
  const where: string[] = [];
  const params: unknown[] = [];
  let empty = false;
  const f = filter ?? {};
  if (f.actor != null) {
    const id = resolveRef(sql, "Actor", f.actor, "filter.actor");
    if (id === null) empty = true;
    else {
      where.push(`ar.id IN (SELECT articleId FROM "Mention" WHERE actorId = ?)`);
      params.push(id);
    }
  }
  if (f.topic != null) {
    const id = resolveRef(sql, "Topic", f.topic, "filter.topic");
    if (id === null) empty = true;
    else {
      where.push(`ar.id IN (${treeCte("Topic", true)}
        SELECT e.articleId FROM "MeetingTopic" mt JOIN "Evidence" e ON e.id = mt.evidenceId WHERE mt.topicId IN (SELECT id FROM tree)
        UNION SELECT at.articleId FROM "ArticleTopic" at WHERE at.topicId IN (SELECT id FROM tree))`);
      params.push(JSON.stringify([id]));
    }
  }
  if (f.publisher != null) {
    const id = resolveRef(sql, "Actor", f.publisher, "filter.publisher");
    if (id === null) empty = true;
    else {
      where.push("ar.publisherId = ?");
      params.push(id);
    }
  }
  if (f.from != null) {
    where.push("(ar.dateLatest IS NULL OR ar.dateLatest >= ?)");
    params.push(checkIsoDay(f.from, "filter.from"));
  }
  if (f.to != null) {
    where.push("(ar.dateEarliest IS NULL OR ar.dateEarliest <= ?)");
    params.push(checkIsoDay(f.to, "filter.to"));
  }
  if (f.from != null && f.to != null && f.from > f.to) throw badUserInput(`\`filter.from\` (${f.from}) is after \`filter.to\` (${f.to}).`, "filter.from");
  const inner = `SELECT ar.*, ar.dateSort AS _k, ar.id AS _id, 0 AS _p FROM "Article" ar${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  return { inner, params, empty };
}
