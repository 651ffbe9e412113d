import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { PrismaClient as PostgresPrismaClient } from "../../generated/prisma-postgres/client.js";

/**
 * Prisma over PostgreSQL through the pg driver adapter (no native engine), with the client
 * generated from prisma/postgres/schema.prisma.
 *
 * Typed as the SQLite client so the rest of the code base has one `PrismaClient` type. The cast is
 * sound because prisma/postgres/schema.prisma is generated from prisma/schema.prisma with the same
 * models, fields and relations (src/db/postgres/toPostgresSchema.ts; test/db/postgresSchema.test.ts
 * fails when it is stale and checks at compile time that each model delegate of this client is
 * assignable to the SQLite one's). The TypeScript types are not identical only where PostgreSQL
 * accepts more (`mode: "insensitive"` string filters, isolation levels other than Serializable):
 * seen through the SQLite type, code can only make calls both providers accept.
 */
export function createPostgresPrisma(url: string): PrismaClient {
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return client as unknown as PrismaClient;
}
