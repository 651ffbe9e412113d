/**
 * The read path's batch filter `x IN (SELECT value FROM json_each(?))` rewritten as
 * `x = ANY(ARRAY(SELECT value FROM json_each(?)))`, still in the SQLite dialect (so PostgresSql
 * translates it as usual). An experiment, not a fix: on PostgreSQL the set-returning function
 * behind the translated `json_each` is estimated at 100 rows whatever the batch, so small tables
 * (Participant, MeetingTopic, MeetingSource…) get a hash semi join over a sequential scan, while an
 * array built by an InitPlan lets the planner use the key's index (`= ANY($0)`). Same rows, same
 * order (every statement orders its own output).
 */
export function anyArrayBatches(sql: string): string {
  return sql.replace(/\bIN\s*\(\s*SELECT value FROM json_each\(\?\)\s*\)/g, "= ANY(ARRAY(SELECT value FROM json_each(?)))");
}
