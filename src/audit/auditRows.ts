/** Rows of the access tables as the read path selects them (Prisma's model types, see src/db/rows.ts). */
export type { ApiKey as ApiKeyRow, AuditLog as AuditLogRow } from "../generated/prisma/client.js";
