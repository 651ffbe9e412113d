import type { ListQuery } from "./meetingListSql.js";
import { sqlLimit } from "./pagination.js";
import type { Order, PageWindow } from "./pagination.js";
import { meetingColumns } from "./rows.js";
import type { SqlReader } from "./Sql.js";
import { treeCte } from "./treeCte.js";

const SPAN = `(w.dateEarliest IS NULL OR w.dateLatest IS NULL OR w.dateEarliest <> w.dateLatest)`;

/**
 * The meetings of a topic (and its subtopics) whose dates overlap [from, to], paged so the cost
 * does not grow with the record: a topic's window holds more meetings the bigger the record is
 * (≈ 1,600 for a root topic over three months at 1M articles), and sorting all of them to keep 21
 * took 2.2 ms there. Instead each topic of the tree contributes at most one page of keys, walked
 * in order off MeetingTopic(topicId, dateSort, meetingId); the union of those short runs is sorted
 * and cut, and only the page's meetings are read whole.
 *
 * The window's own meetings need no overlap check: a meeting's dateSort is its earliest day, else
 * its latest (dateColumnsOf), and the record refuses earliest > latest (planRecord), so a dateSort
 * inside [from, to] means the dates overlap it. From outside the window only meetings without a
 * single known day can overlap it; Meeting_span_dateSort_idx holds just those, and they are checked.
 */
export async function topicWindowQuery(sql: SqlReader, topicId: number, from: string, to: string): Promise<ListQuery> {
  const topics = (await sql.all<{ id: number }>(`${treeCte("Topic", true)} SELECT id FROM tree`, [JSON.stringify([topicId])])).map((row) => row.id);
  const ids = JSON.stringify(topics);
  const spans = `SELECT w.dateSort AS _k, w.id AS _id FROM "Meeting" w WHERE ${SPAN} AND (w.dateSort < ? OR w.dateSort > ?)
      AND EXISTS (SELECT 1 FROM "MeetingTopic" x WHERE x.meetingId = w.id AND x.topicId IN (SELECT value FROM json_each(?)))
      AND (w.dateLatest IS NULL OR w.dateLatest >= ?) AND (w.dateEarliest IS NULL OR w.dateEarliest <= ?)`;
  const spanParams = [from, to, ids, from, to];
  // Every key of the filter, for totalCount; UNION drops a meeting reached twice (two subtopics,
  // or one topic on two pieces of evidence).
  const inner = `SELECT k._k, k._id, 0 AS _p FROM (
      SELECT mt.dateSort AS _k, mt.meetingId AS _id FROM "MeetingTopic" mt WHERE mt.topicId IN (SELECT value FROM json_each(?)) AND mt.dateSort BETWEEN ? AND ?
      UNION ${spans}) k`;
  return {
    inner,
    params: [ids, from, to, ...spanParams],
    empty: false,
    page(window: PageWindow, order: Order, keysOnly = false) {
      const ascending = (order === "ASC") !== window.backward;
      const dir = ascending ? "ASC" : "DESC";
      const after = window.cursor ? ` AND (mt.dateSort, mt.meetingId) ${ascending ? ">" : "<"} (?, ?)` : "";
      const cursor = window.cursor ? [window.cursor[0], window.cursor[1]] : [];
      // Written into the SQL (sqlLimit): with `LIMIT ?` this took 10× longer (104 µs against 10 at 10k).
      const limit = sqlLimit(window);
      const runs = topics.map(
        (_, i) => `SELECT * FROM (SELECT DISTINCT mt.dateSort AS _k, mt.meetingId AS _id FROM "MeetingTopic" mt
          WHERE mt.topicId = ? AND mt.dateSort BETWEEN ? AND ?${after} ORDER BY mt.dateSort ${dir}, mt.meetingId ${dir} LIMIT ${limit}) run${i}`,
      );
      const spanAfter = window.cursor ? ` AND (w.dateSort, w.id) ${ascending ? ">" : "<"} (?, ?)` : "";
      const keys = `SELECT k._k, k._id, 0 AS _p FROM (${[...runs, spans + spanAfter].join(" UNION ")}) k ORDER BY k._k ${dir}, k._id ${dir} LIMIT ${limit}`;
      const params: unknown[] = [];
      for (const topic of topics) params.push(topic, from, to, ...cursor);
      params.push(...spanParams, ...cursor);
      if (keysOnly) return { sql: keys, params };
      return {
        sql: `SELECT ${meetingColumns("m")}, p._k, p._id, p._p FROM (${keys}) p JOIN "Meeting" m ON m.id = p._id ORDER BY p._k ${dir}, p._id ${dir}`,
        params,
      };
    },
  };
}
