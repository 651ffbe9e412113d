import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/app/startServer.js";
import type { RunningServer } from "../../src/app/startServer.js";
import type { Context } from "../../src/context/Context.js";
import { createContext } from "../../src/context/createContext.js";
import { openDatabase } from "../../src/db/openDatabase.js";
import { Sql } from "../../src/db/Sql.js";
import { DeadlineSql } from "../../src/hardening/DeadlineSql.js";
import { deadlineIn } from "../../src/hardening/deadline.js";
import { createHttpServer } from "../../src/http/createHttpServer.js";
import { createApolloServer } from "../../src/server/createApolloServer.js";
import { silentLogger } from "../../src/server/logger.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(() => database.remove());

const post = (url: string, query: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

describe("the per-request time limit", () => {
  it("answers 503 TIMEOUT with Retry-After when a request is still running at the limit", async () => {
    // A resolver that waits, standing in for a slow request: the HTTP layer must not wait for it.
    const apollo = new ApolloServer<Context>({
      typeDefs: "type Query { slow: String }",
      resolvers: { Query: { slow: () => new Promise((resolve) => setTimeout(() => resolve("done"), 400)) } },
    });
    await apollo.start();
    const server = createHttpServer(apollo, async () => ({}) as Context, [], { timeoutMs: 50 });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const started = performance.now();
      const response = await post(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, "{ slow }");
      expect(performance.now() - started).toBeLessThan(350);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({ errors: [{ message: expect.stringContaining("took longer than 0.05 s and was stopped"), extensions: { code: "TIMEOUT" } }] });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await apollo.stop();
    }
  });

  it("stops the read path at the first SQL statement after the deadline", async () => {
    const db = openDatabase(database.file, { readonly: true });
    const apollo = createApolloServer({ logger: silentLogger });
    await apollo.start();
    try {
      const contextValue = createContext(new DeadlineSql(new Sql(db), deadlineIn(0)));
      const response = await apollo.executeOperation({ query: `{ actors(first: 5) { nodes { slug } } }` }, { contextValue });
      const result = (response.body as { singleResult: { errors?: { extensions: { code: string } }[] } }).singleResult;
      expect(result.errors?.[0]?.extensions.code).toBe("TIMEOUT");
      expect(response.http.status).toBe(503);
      // One refused statement per executor: the compiled read (src/compiled) stops at its first and
      // hands the request to the resolvers, which stop at theirs; nothing else followed.
      expect(contextValue.sql.count).toBe(2);
    } finally {
      await apollo.stop();
      db.close();
    }
  });

  it("answers the real server's requests 503 TIMEOUT past the limit, and normally within it", async () => {
    let strict: RunningServer | undefined;
    let relaxed: RunningServer | undefined;
    try {
      strict = await startServer({ file: database.file, port: 0, logger: silentLogger, requestTimeoutMs: 0 });
      relaxed = await startServer({ file: database.file, port: 0, logger: silentLogger });
      const late = await post(strict.url, `{ meetings { nodes { slug } } }`);
      expect(late.status).toBe(503);
      expect(((await late.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("TIMEOUT");
      expect((await post(relaxed.url, `{ meetings { totalCount } }`)).status).toBe(200);
    } finally {
      await strict?.stop();
      await relaxed?.stop();
    }
  });
});
