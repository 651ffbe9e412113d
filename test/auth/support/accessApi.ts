import type { ApolloServer } from "@apollo/server";
import type { Database } from "better-sqlite3";
import type { Caller } from "../../../src/auth/Caller.js";
import { createApiKey } from "../../../src/auth/apiKeys.js";
import type { Role } from "../../../src/auth/roles.js";
import type { Context } from "../../../src/context/Context.js";
import { createContext } from "../../../src/context/createContext.js";
import { createPrisma } from "../../../src/db/createPrisma.js";
import { openDatabase } from "../../../src/db/openDatabase.js";
import { Sql } from "../../../src/db/Sql.js";
import { writeTransaction } from "../../../src/db/writeTransaction.js";
import type { PrismaClient } from "../../../src/generated/prisma/client.js";
import { createApolloServer } from "../../../src/server/createApolloServer.js";
import { silentLogger } from "../../../src/server/logger.js";

/** The real server with writes enabled, queried with executeOperation as a given caller. */
export interface AccessApi {
  run(caller: Caller, query: string, variables?: Record<string, unknown>): Promise<{ data: any; errors: any[] | undefined }>;
  /** Makes a key directly in the database; returns the caller it authenticates as and its secret. */
  key(name: string, role: Role): Promise<{ caller: Caller; secret: string }>;
  db: Database;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export async function createAccessApi(file: string): Promise<AccessApi> {
  const db = openDatabase(file);
  const sql = new Sql(db);
  const prisma = createPrisma(file);
  const server: ApolloServer<Context> = createApolloServer({ logger: silentLogger });
  await server.start();
  return {
    db,
    prisma,
    async run(caller, query, variables) {
      const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) }, { contextValue: createContext(sql, { caller, prisma }) });
      const body = response.body as { kind: "single"; singleResult: { data?: any; errors?: any[] } };
      return { data: body.singleResult.data, errors: body.singleResult.errors };
    },
    async key(name, role) {
      const { key, secret } = await writeTransaction(prisma, (tx) => createApiKey(tx, { name, role, createdBy: "test" }));
      return { caller: { kind: "key", keyId: key.id, name: key.name, role }, secret };
    },
    async close() {
      await server.stop();
      await prisma.$disconnect();
      db.close();
    },
  };
}
