import type { Database } from "better-sqlite3";
import type { SqlReader } from "./Sql.js";

/** The record's tables, in dependency order. */
export const RECORD_TABLES = [
  "Actor",
  "ActorAlias",
  "Position",
  "Topic",
  "Place",
  "Article",
  "Evidence",
  "Mention",
  "ArticleTopic",
  "Meeting",
  "MeetingSource",
  "Participant",
  "MeetingTopic",
] as const;

/** Row count of every record table: what "seeding twice changes nothing" is checked against. */
export function tableCounts(db: Database): Record<(typeof RECORD_TABLES)[number], number> {
  return Object.fromEntries(
    RECORD_TABLES.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n]),
  ) as Record<(typeof RECORD_TABLES)[number], number>;
}

/** {@link tableCounts} through the read path's reader, for either database. */
export async function tableCountsOf(sql: SqlReader): Promise<Record<(typeof RECORD_TABLES)[number], number>> {
  const counts: [string, number][] = [];
  for (const table of RECORD_TABLES) counts.push([table, (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`))!.n]);
  return Object.fromEntries(counts) as Record<(typeof RECORD_TABLES)[number], number>;
}
