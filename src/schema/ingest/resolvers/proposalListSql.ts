import type { ListQuery } from "../../../db/meetingListSql.js";

/** Proposals as keyset SQL, oldest first by id, optionally of one status (index Proposal_status_id_idx). */
export function proposalListSql(status: string | null): ListQuery {
  return {
    inner: `SELECT p.*, p.id AS _k, p.id AS _id, 0 AS _p FROM "Proposal" p${status ? ` WHERE p.status = ?` : ""}`,
    params: status ? [status] : [],
    empty: false,
  };
}
