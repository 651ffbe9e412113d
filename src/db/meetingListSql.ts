import type { MeetingFilter } from "../generated/graphql.js";
import { dateRangeSql } from "./dateRangeSql.js";
import { checkIsoDay } from "./isoDate.js";
import { meetingColumns } from "./rows.js";
import { resolveRef } from "./resolveRef.js";
import { treeCte } from "./treeCte.js";
import type { Order, PageWindow } from "./pagination.js";
import type { SqlReader } from "./Sql.js";
import { topicWindowQuery } from "./topicWindowQuery.js";

/** A filtered meeting list as keyset input: SQL exposing `_k`, `_id`, `_p`, and its parameters. */
export interface ListQuery {
  inner: string;
  params: unknown[];
  /** True when a referenced actor, topic or place does not exist, so nothing can match. */
  empty: boolean;
  /**
   * One page of rows (with `_k`, `_id`, `_p`), where the list can page more cheaply than keyset SQL
   * over `inner` (which then only counts); see topicWindowQuery.
   */
  page?: (window: PageWindow, order: Order, keysOnly?: boolean) => { sql: string; params: unknown[] };
}

const IDS = "(SELECT value FROM json_each(?))";

/** Ids of the actors a filter names, widened to their affiliates when asked. */
async function actorSet(sql: SqlReader, id: number, withAffiliates: boolean): Promise<number[]> {
  if (!withAffiliates) return [id];
  return (await sql.all<{ id: number }>(`${treeCte("Actor", true)} SELECT id FROM tree`, [JSON.stringify([id])])).map((row) => row.id);
}

/** Validates a meeting filter at the edge and turns it into keyset SQL; dates match when they overlap. */
export async function meetingListSql(sql: SqlReader, filter: MeetingFilter | null | undefined): Promise<ListQuery> {
  const where: string[] = [];
  const params: unknown[] = [];
  let empty = false;
  const f = filter ?? {};
  const withAffiliates = f.includeAffiliates ?? false;
  const actorRefs = [...(f.actor != null ? [["actor", f.actor] as const] : []), ...(f.participants ?? []).map((ref) => ["participants", ref] as const)];
  for (const [argument, ref] of actorRefs) {
    const id = await resolveRef(sql, "Actor", ref, `filter.${argument}`);
    if (id === null) {
      empty = true;
      continue;
    }
    where.push(`m.id IN (SELECT meetingId FROM "Participant" WHERE actorId IN ${IDS})`);
    params.push(JSON.stringify(await actorSet(sql, id, withAffiliates)));
  }
  if (f.topic != null) {
    const id = await resolveRef(sql, "Topic", f.topic, "filter.topic");
    if (id === null) empty = true;
    else if (f.from != null && f.to != null && actorRefs.length === 0 && f.place == null && f.kind == null) {
      // The analyst's usual question, "this topic in this period", pages without sorting the window.
      const [from, to] = dateRangeSql("m", f.from, f.to).params as [string, string];
      return topicWindowQuery(sql, id, from, to);
    } else if (f.from != null && f.to != null) {
      // A topic in a date window: the window's meetings come from MeetingTopic(topicId, dateSort)
      // as an index range; from outside it, only meetings without a single known day can overlap
      // it (a one-day meeting overlaps iff its day is inside), and Meeting_span_dateSort_idx holds
      // just those. The overlap itself is still checked below (dateRangeSql) on every candidate.
      const topics = `${treeCte("Topic", true)} SELECT id FROM tree`;
      // On PostgreSQL the window's ids as an array too (see toPostgresSql), or the planner joins
      // them by hash against a scan of every meeting.
      const [open, close] = sql.dialect === "postgres" ? ["= ANY(ARRAY(", "))"] : ["IN (", ")"];
      where.push(`m.id ${open}
        SELECT mt.meetingId FROM "MeetingTopic" mt WHERE mt.topicId IN (${topics}) AND mt.dateSort BETWEEN ? AND ?
        UNION ALL
        SELECT w.id FROM "Meeting" w WHERE (w.dateEarliest IS NULL OR w.dateLatest IS NULL OR w.dateEarliest <> w.dateLatest)
          AND (w.dateSort < ? OR w.dateSort > ?) AND EXISTS (SELECT 1 FROM "MeetingTopic" x WHERE x.meetingId = w.id AND x.topicId IN (${topics}))${close}`);
      const [from, to] = [checkIsoDay(f.from, "filter.from"), checkIsoDay(f.to, "filter.to")];
      params.push(JSON.stringify([id]), from, to, from, to, JSON.stringify([id]));
    } else {
      where.push(`m.id IN (SELECT mt.meetingId FROM "MeetingTopic" mt WHERE mt.topicId IN (${treeCte("Topic", true)} SELECT id FROM tree))`);
      params.push(JSON.stringify([id]));
    }
  }
  if (f.place != null) {
    const id = await resolveRef(sql, "Place", f.place, "filter.place");
    if (id === null) empty = true;
    else {
      where.push("m.placeId = ?");
      params.push(id);
    }
  }
  if (f.kind != null) {
    where.push("m.kind = ?");
    params.push(f.kind);
  }
  const dates = dateRangeSql("m", f.from, f.to);
  where.push(...dates.where);
  params.push(...dates.params);
  const inner = `SELECT ${meetingColumns("m")}, m.dateSort AS _k, m.id AS _id, 0 AS _p FROM "Meeting" m${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
  return { inner, params, empty };
}
