import { afterAll, beforeAll, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchQuery } from "../../src/search/parseSearchQuery.js";
import { isTsQueryError } from "../../src/search/postgres/isTsQueryError.js";
import { toTsQuery } from "../../src/search/postgres/toTsQuery.js";
import { generateText, seededRandom } from "../../src/text/__tests__/generateText.js";
import { createSearchPair } from "./postgresSearchPair.js";
import type { SearchPair } from "./postgresSearchPair.js";
import { postgresQuery } from "./postgresQuery.js";
import { describePostgres } from "./postgresTestUrl.js";

// hostileQueries.test.ts for PostgreSQL: whatever a user types is either refused by the parser
// (BAD_USER_INPUT, shared with SQLite) or a tsquery the server accepts, and it finds exactly the
// records FTS5 finds.

const HOSTILE = [
  '"الناتو', "((الناتو)", "الناتو OR", "-الناتو", "ا*", "الناتو*", "*الناتو", "^الناتو", "title:الناتو", "NEAR(الناتو بغداد, 2)",
  "' OR 1=1 --", "'; DROP TABLE \"Article\"; --", "\\", "\u0000", "😀", "ﷺ", "\u202e", "ـــ", "ن".repeat(MAX_QUERY_LENGTH),
  // tsquery's own syntax
  "&", "|", "!", "!الناتو", "الناتو & بغداد", "الناتو | بغداد", "الناتو <-> بغداد", "الناتو <2> بغداد", "الناتو:*", "الناتو:A", "الناتو:*AB",
  "'الناتو'", "''", "'\\'", "\\'", "الن'اتو", "الناتو\\", "(((", "<->", "<0>", "a:1A", "!(الناتو)", "الناتو & !", "$1", "?", "$$",
  "㌀".repeat(MAX_QUERY_LENGTH), "ﷺ".repeat(MAX_QUERY_LENGTH / 2),
];
/** Words of the seed record, so that random queries also find something. */
const WORDS = ["الناتو", "العراق", "بغداد", "الأعرجي", "بروكسل", "السيبراني", "الأمن", "الاتحاد", "الأوروبي", "مونش", "حلف", "Araji", "NATO", "cyber", "al-Araji", "الأعر", "ناتو"];
const SYNTAX = ['"', "«", "»", "(", ")", "*", "-", "^", ":", " OR ", " AND ", " NOT ", "NEAR(", " ", "&", "|", "!", "<->", "<3>", ":*", "'", "\\", ":A", "?", "$1"];

/** The outcome of one query on PostgreSQL: the hits, or why it was refused; an SQL error throws. */
async function outcome(pair: SearchPair, query: string): Promise<{ refused: true } | { hits: string[] }> {
  let parsed;
  try {
    parsed = parseSearchQuery(query, "query");
  } catch (error) {
    expect((error as { extensions?: { code?: string } }).extensions?.code, JSON.stringify(query)).toBe("BAD_USER_INPUT");
    return { refused: true };
  }
  if (parsed === null) return { refused: true };
  // The filter statement too, though it shares the tsquery with the page.
  await pair.postgresFilter("ARTICLE", query);
  return { hits: await pair.postgresHits(query) };
}

describePostgres("hostile and random queries on PostgreSQL", (url) => {
  let pair: SearchPair;
  beforeAll(async () => {
    pair = await createSearchPair(url);
  });
  afterAll(async () => {
    await pair?.close();
  });

  it("recognises the server's refusals of a malformed tsquery, and only those", async () => {
    for (const text of ["'a", "a &", "!", `'${"x".repeat(3000)}'`]) {
      const error = await pair.postgres.client.query("SELECT CAST($1 AS tsquery)", [text]).then(() => null, (caught: unknown) => caught);
      expect(isTsQueryError(error), text).toBe(true);
    }
    const other = await pair.postgres.client.query(`SELECT * FROM "Missing"`).then(() => null, (caught: unknown) => caught);
    expect(isTsQueryError(other)).toBe(false);
  });

  it.each(HOSTILE)("%j is refused or searched, as on SQLite", async (query) => {
    const result = await outcome(pair, query);
    if ("hits" in result) expect([...result.hits].sort()).toEqual([...(await pair.sqliteHits(query))].sort());
  });

  it("never makes PostgreSQL fail on 3,000 random queries, and finds what FTS5 finds", async () => {
    const random = seededRandom(7);
    let searched = 0;
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      let query = "";
      const length = 40 * random();
      while (query.length < length) {
        const r = random();
        query += r < 0.35 ? SYNTAX[Math.floor(random() * SYNTAX.length)] : r < 0.7 ? ` ${WORDS[Math.floor(random() * WORDS.length)]}` : generateText(random, 3);
      }
      query = query.slice(0, MAX_QUERY_LENGTH);
      const result = await outcome(pair, query);
      if (!("hits" in result)) continue;
      searched++;
      if (result.hits.length > 0) found++;
      expect([...result.hits].sort(), `${JSON.stringify(query)} → ${toTsQuery(parseSearchQuery(query, "query")!.expression)}`).toEqual([...(await pair.sqliteHits(query))].sort());
    }
    // Enough random queries must reach the database, and find something, or this proves little.
    expect(searched).toBeGreaterThan(1000);
    expect(found).toBeGreaterThan(300);
  }, 300_000);
});
