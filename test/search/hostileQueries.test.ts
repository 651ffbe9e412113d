import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH } from "../../src/search/parseSearchQuery.js";
import { generateText, seededRandom } from "../../src/text/__tests__/generateText.js";
import { useSeededApi } from "../support/seededApi.js";

const api = useSeededApi();

const HOSTILE = [
  '"', '"الناتو', 'الناتو"', '"الأمن السيبراني', "«الناتو", "الناتو»", "“الناتو", "(", ")", "((الناتو)", "(الناتو))", "()",
  "OR", "AND", "NOT", "الناتو OR", "OR الناتو", "AND الناتو", "الناتو AND", "الناتو NOT", "الناتو OR OR بغداد",
  "-", "-الناتو", "--الناتو", "الناتو -", "*", "**", "ا*", "الناتو*", "*الناتو", "^", "^الناتو", "الناتو^",
  ":", "title:الناتو", "body : الناتو", "{title body}: الناتو", "NEAR(", "NEAR(الناتو بغداد)", "NEAR(الناتو بغداد, 2)", "NEAR/2",
  "+", "الناتو + بغداد", "' OR 1=1 --", "'; DROP TABLE \"Article\"; --", "%", "_", "\\", "\u0000", "😀", "ﷺ", "\u202e", "ـــ",
  "ن".repeat(MAX_QUERY_LENGTH + 1), Array.from({ length: 40 }, (_, i) => `w${i}`).join(" "), "", "   ",
];

/** The outcome of one query: "results" or the error codes it was answered with. */
async function outcome(query: string, field: "search" | "actors" | "articles"): Promise<string> {
  const operation =
    field === "search" ? `query ($q: String!) { search(query: $q) { totalCount edges { snippet { text } } } }`
    : `query ($q: String) { ${field}(filter: { search: $q }) { totalCount } }`;
  const { data, errors } = await api.run(operation, { q: query });
  if (!errors) {
    expect(data).not.toBeNull();
    return "results";
  }
  return errors.map((e) => e.extensions?.code).join(",");
}

describe("hostile query syntax gives results or BAD_USER_INPUT, never an SQL or internal error", () => {
  it.each(HOSTILE)("%j", async (query) => {
    for (const field of ["search", "actors", "articles"] as const) {
      expect(["results", "BAD_USER_INPUT"], `${field}(${JSON.stringify(query)})`).toContain(await outcome(query, field));
    }
  });

  it("answers a syntax error with a message that says what to fix, and names the argument", async () => {
    const { errors } = await api.run(`{ search(query: "\\"الأمن السيبراني") { totalCount } }`);
    expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(/quote opened at position 1 is not closed/), extensions: { code: "BAD_USER_INPUT", argument: "query" } });
    const empty = await api.run(`{ search(query: "؟ ! ^") { totalCount } }`);
    expect(empty.errors?.[0]).toMatchObject({ message: expect.stringMatching(/no word to search for/), extensions: { code: "BAD_USER_INPUT" } });
  });

  it("holds for random queries mixing operators, quotes and chaotic Arabic", async () => {
    const random = seededRandom(3);
    const syntax = ['"', "«", "»", "(", ")", "*", "-", "^", ":", " OR ", " AND ", " NOT ", "NEAR(", " "];
    for (let i = 0; i < 150; i++) {
      let query = "";
      while (query.length < 30 * random()) query += random() < 0.4 ? syntax[Math.floor(random() * syntax.length)] : generateText(random, 3);
      expect(["results", "BAD_USER_INPUT"], JSON.stringify(query)).toContain(await outcome(query, "search"));
    }
  });
});
