import type { QueryResolvers } from "../../../generated/graphql.js";
import type { AuditLogRow } from "../../../audit/auditRows.js";
import { auditLogSql } from "../../../audit/auditLogSql.js";
import { listApiKeys } from "../../../auth/apiKeys.js";
import { requireRole } from "../../../auth/requireRole.js";
import { listPage } from "../../../db/listPage.js";

export const Query: Pick<QueryResolvers, "apiKeys" | "auditLog"> = {
  apiKeys: (_parent, _args, { caller, sql }) => {
    requireRole(caller, "admin");
    return listApiKeys(sql);
  },
  auditLog: (_parent, { first, after }, { caller, sql }) => {
    requireRole(caller, "admin");
    return listPage<AuditLogRow>(sql, auditLogSql(), "DESC", { first, after });
  },
};
