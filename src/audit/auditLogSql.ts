import type { ListQuery } from "../db/meetingListSql.js";

/** The audit log as keyset SQL: newest first when paged DESC, by id (ids grow with time). */
export function auditLogSql(): ListQuery {
  return { inner: `SELECT l.*, l.id AS _k, l.id AS _id, 0 AS _p FROM "AuditLog" l`, params: [], empty: false };
}
