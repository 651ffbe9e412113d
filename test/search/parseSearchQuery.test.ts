import BetterSqlite3 from "better-sqlite3";
import { GraphQLError } from "graphql";
import { afterAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../src/db/migrate.js";
import { MAX_QUERY_LENGTH, MAX_QUERY_TOKENS, parseSearchQuery } from "../../src/search/parseSearchQuery.js";
import { toFtsMatch } from "../../src/search/toFtsMatch.js";
import { generateText, seededRandom } from "../../src/text/__tests__/generateText.js";

/** The FTS5 expression a query compiles to, or null when it has no word. */
const fts = (query: string) => {
  const parsed = parseSearchQuery(query, "query");
  return parsed && toFtsMatch(parsed.expression);
};

/** The BAD_USER_INPUT message a query is refused with (fails the test if it is accepted). */
const refusal = (query: string): string => {
  try {
    parseSearchQuery(query, "query");
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe("BAD_USER_INPUT");
    expect((error as GraphQLError).extensions.argument).toBe("query");
    return (error as GraphQLError).message;
  }
  throw new Error(`accepted: ${query}`);
};

describe("the query language", () => {
  it("normalises every word as the index does, so variants become the same token", () => {
    expect(fts("الأعرجى")).toBe('"اعرجي"');
    expect(fts("قَاسِمٌ الأَعْـــرَجِيُّ")).toBe('("قاسم" AND "اعرجي")');
    expect(fts("وللناتو")).toBe('"ناتو"');
    expect(fts("AL-ARAJI")).toBe('"al araji"');
  });

  it("reads juxtaposed words and AND as all of them, OR as either, with AND binding tighter", () => {
    expect(fts("الناتو AND بغداد")).toBe(fts("الناتو بغداد"));
    expect(fts("الناتو بغداد OR بروكسل")).toBe('(("ناتو" AND "بغداد") OR "بروكسل")');
    expect(fts("الناتو (بغداد OR بروكسل)")).toBe('("ناتو" AND ("بغداد" OR "بروكسل"))');
  });

  it("reads quotes, guillemets and curly quotes as phrases", () => {
    for (const query of ['"الأمن السيبراني"', "«الأمن السيبراني»", "“الأمن السيبراني”"]) expect(fts(query)).toBe('"امن سيبراني"');
  });

  it("reads a trailing * as a prefix, on a word or a phrase", () => {
    expect(fts("الأعر*")).toBe('"اعر"*');
    expect(fts('"الأمن السيبر"*')).toBe('"امن سيبر"*');
    expect(fts("al-Ara*")).toBe('"al ara"*');
  });

  it("hangs exclusions (NOT, -word) off their group, as FTS5's binary NOT needs", () => {
    expect(fts("الناتو -بروكسل")).toBe('("ناتو" NOT ("بروكسل"))');
    expect(fts("الناتو NOT بروكسل -بغداد")).toBe('("ناتو" NOT ("بروكسل" OR "بغداد"))');
    expect(fts("الناتو -(بروكسل OR بغداد)")).toBe('("ناتو" NOT (("بروكسل" OR "بغداد")))');
    expect(fts("الناتو NOT NOT بغداد")).toBe('("ناتو" AND "بغداد")');
  });

  it("treats lower-case and/or/not, FTS5 keywords and column filters as words or punctuation", () => {
    expect(fts("security and defence")).toBe('("security" AND "and" AND "defence")');
    expect(fts("NEAR(الناتو بغداد)")).toBe('("near" AND ("ناتو" AND "بغداد"))');
    expect(fts("title:الناتو ^بغداد body : x")).toBe('("title ناتو" AND "بغداد" AND "body" AND "x")');
    expect(fts("a-b")).toBe('"a b"');
  });

  it("drops words that hold no letter or digit, and gives null when nothing is left", () => {
    expect(fts("الناتو ^ : * ؟")).toBe('"ناتو"');
    expect(fts("الناتو OR ^")).toBe('"ناتو"');
    for (const query of ["", "   ", "^", "* * *", '""', "«»", "( ^ )", "- --"]) expect(fts(query)).toBeNull();
  });

  it("refuses structural mistakes with a message saying what to fix", () => {
    expect(refusal('"الأمن السيبراني')).toMatch(/quote opened at position 1 is not closed/);
    expect(refusal("«الأمن")).toMatch(/not closed/);
    expect(refusal("(الناتو")).toMatch(/parenthesis opened at position 1 is not closed/);
    expect(refusal("الناتو)")).toMatch(/closes no parenthesis/);
    expect(refusal("()")).toMatch(/Empty group/);
    for (const query of ["OR", "OR الناتو", "الناتو OR", "AND", "AND الناتو", "الناتو AND", "الناتو AND OR بغداد", "الناتو OR OR بغداد", "NOT", "الناتو NOT"]) {
      expect(refusal(query)).toMatch(/needs a word or group on each side/);
    }
    expect(refusal("-بروكسل")).toMatch(/need at least one word to search for/);
    expect(refusal("الناتو OR -بروكسل")).toMatch(/need at least one word to search for/);
    expect(refusal("ا*")).toMatch(/prefix at position 1 is too short/);
    expect(refusal("الناتو ب*")).toMatch(/prefix at position 8 is too short/);
  });

  it("bounds the query's length and size", () => {
    expect(refusal("ن".repeat(MAX_QUERY_LENGTH + 1))).toMatch(/at most 200 characters/);
    expect(refusal(Array.from({ length: MAX_QUERY_TOKENS + 1 }, (_, i) => `w${i}`).join(" "))).toMatch(/at most 32 words/);
    expect(fts(Array.from({ length: MAX_QUERY_TOKENS }, (_, i) => `w${i}`).join(" "))).not.toBeNull();
  });

  it("keeps excluded terms out of the terms snippets highlight", () => {
    const parsed = parseSearchQuery('الناتو ("الأمن السيبراني" OR cyber*) -بروكسل', "query")!;
    expect(parsed.positiveTerms).toEqual([
      { kind: "term", tokens: ["ناتو"], prefix: false },
      { kind: "term", tokens: ["امن", "سيبراني"], prefix: false },
      { kind: "term", tokens: ["cyber"], prefix: true },
    ]);
  });
});

describe("hostile input never reaches SQLite as syntax", () => {
  // The index exactly as the migration creates it, in memory.
  const db = new BetterSqlite3(":memory:");
  const ddl = readMigrations().find((m) => m.name.endsWith("_search_index"))!.sql;
  db.exec(ddl.slice(0, ddl.indexOf("CREATE TRIGGER")));
  db.prepare(`INSERT INTO "SearchIndex" (rowid, title, body) VALUES (10, 'ناتو بغداد', 'امن سيبراني near and or not')`).run();
  const match = db.prepare(`SELECT rowid FROM "SearchIndex" WHERE "SearchIndex" MATCH ?`);
  afterAll(() => db.close());

  /** Parses and, when accepted, runs the expression: either may refuse, SQLite never may. */
  const outcome = (query: string): "ran" | "no words" | "refused" => {
    let parsed;
    try {
      parsed = parseSearchQuery(query, "query");
    } catch (error) {
      expect((error as GraphQLError).extensions?.code, `${JSON.stringify(query)}: ${(error as Error).message}`).toBe("BAD_USER_INPUT");
      return "refused";
    }
    if (parsed === null) return "no words";
    expect(() => match.all(toFtsMatch(parsed.expression)), JSON.stringify(query)).not.toThrow();
    return "ran";
  };

  it.each([
    '"', '""', '"""', "«", "»", "“", "”", "(", ")", ")(", "((الناتو))", "*", "**", "الناتو**", "*الناتو", "^", "^الناتو",
    ":", "title:", ":الناتو", "-", "--", "---الناتو", "NEAR(", "NEAR(الناتو, 2)", "NEAR/3", "{title body}: الناتو", "+", "الناتو + بغداد",
    "AND OR NOT", "NOT NOT", "- -", "' OR 1=1 --", "'; DROP TABLE \"Article\"; --", "%", "_", "\\", "\u0000", "الناتو\u0000بغداد",
    "😀", "ﷺ", "\u200f\u202e", "ـــ", "\u064b\u064c", "الناتو\"بغداد", 'الناتو"*', "(الناتو OR)", "(OR الناتو)", "\"الناتو\" NOT", "- الناتو",
  ])("%j: runs, has no words or is refused", (query) => {
    expect(["ran", "no words", "refused"]).toContain(outcome(query));
  });

  it("holds for thousands of random queries built from operators, quotes and chaotic Arabic", () => {
    const random = seededRandom(20261123);
    const syntax = ['"', "«", "»", "(", ")", "*", "-", "^", ":", " OR ", " AND ", " NOT ", "NEAR(", " ", "+", "{", "}", ",", "'"];
    const counts = { ran: 0, "no words": 0, refused: 0 };
    for (let i = 0; i < 3000; i++) {
      let query = "";
      while (query.length < 40 * random()) query += random() < 0.4 ? syntax[Math.floor(random() * syntax.length)] : generateText(random, 3);
      counts[outcome(query.slice(0, MAX_QUERY_LENGTH))]++;
    }
    // Every outcome is reached, so the generator really probes both sides of the parser.
    expect(counts.ran).toBeGreaterThan(100);
    expect(counts.refused).toBeGreaterThan(100);
  });
});
