import BetterSqlite3 from "better-sqlite3";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { runMatch } from "../../src/search/runMatch.js";

describe("runMatch, the last line of defence", () => {
  const db = new BetterSqlite3(":memory:");
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'ascii')`);
  const match = (expression: string) => runMatch(expression, "query", async () => db.prepare(`SELECT rowid FROM t WHERE t MATCH ?`).all(expression));

  it("turns an FTS5 syntax error into BAD_USER_INPUT naming the argument", async () => {
    for (const expression of ['"a', "a AND", "NEAR(", "x:y"]) {
      let error: unknown;
      try {
        await match(expression);
      } catch (caught) {
        error = caught;
      }
      if (expression === "x:y") {
        // A column filter on a missing column is not an FTS5 syntax error: it stays a bug to see.
        expect((error as Error).message).toMatch(/no such column/);
        expect(error).not.toBeInstanceOf(GraphQLError);
        continue;
      }
      expect(error).toBeInstanceOf(GraphQLError);
      expect((error as GraphQLError).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "query" });
    }
  });

  it("lets every other error through unchanged", async () => {
    await expect(runMatch('"a"', "query", async () => db.prepare(`SELECT * FROM missing`).all())).rejects.toThrow(/no such table/);
  });
});
