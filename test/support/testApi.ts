import assert from "node:assert/strict";
import type { ApolloServer } from "@apollo/server";
import type { Context } from "../../src/context/Context.js";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { PostgresSql } from "../../src/db/PostgresSql.js";
import { Sql } from "../../src/db/Sql.js";
import type { SqlReader } from "../../src/db/Sql.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import type { Logger } from "../../src/server/logger.js";

/** The real server over a test database, queried with `executeOperation` (no HTTP). */
export interface TestApi {
  /** Runs an operation; returns data, errors and the number of SQL statements it ran. */
  run<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data: T | null | undefined; errors: readonly any[] | undefined; statements: number; compiled: boolean }>;
  /** Runs an operation that must succeed and returns its data. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** Server switches a test may turn; the defaults are what `npm start` ships. */
export interface TestApiOptions {
  /** Answer supported reads with compiled SQL (src/compiled); false runs every resolver. */
  compiledReads?: boolean;
}

/** `target`: a SQLite file, or a PostgreSQL database's URL (`postgres://…`). */
export async function createTestApi(target: string, logger: Logger = silentLogger, options: TestApiOptions = {}): Promise<TestApi> {
  const postgres = /^postgres(ql)?:\/\//.test(target);
  const db = postgres ? null : openDatabase(target);
  const sql: SqlReader = db ? new Sql(db) : PostgresSql.connect(target, { max: 4 });
  const server: ApolloServer<Context> = createApolloServer({ logger, compiledReads: options.compiledReads ?? true });
  await server.start();
  const api: TestApi = {
    async run(query, variables) {
      const contextValue = createContext(sql);
      const response = await server.executeOperation({ query, ...(variables ? { variables } : {}) }, { contextValue });
      assert.equal(response.body.kind, "single");
      const result = (response.body as { singleResult: { data?: any; errors?: readonly any[] } }).singleResult;
      return { data: result.data, errors: result.errors, statements: contextValue.sql.count, compiled: contextValue.answered.compiled };
    },
    async data(query, variables) {
      const { data, errors } = await api.run(query, variables);
      assert.equal(errors, undefined, `unexpected errors: ${JSON.stringify(errors)}`);
      return data as any;
    },
    async close() {
      await server.stop();
      if (db) db.close();
      else await (sql as PostgresSql).close();
    },
  };
  return api;
}
