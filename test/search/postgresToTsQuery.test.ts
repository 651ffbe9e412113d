import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "../../src/search/parseSearchQuery.js";
import { toTsQuery } from "../../src/search/postgres/toTsQuery.js";
import type { SearchExpression } from "../../src/search/SearchQuery.js";

// Pure translation; postgresFuzz.test.ts runs the output against the server.
const tsquery = (query: string) => toTsQuery(parseSearchQuery(query, "query")!.expression);
const word = (...tokens: string[]): SearchExpression => ({ kind: "term", tokens, prefix: false });

describe("toTsQuery", () => {
  it("compiles words, phrases, prefixes, AND, OR, exclusions and groups, fully parenthesised", () => {
    expect(tsquery("الأمن العراق")).toBe("('امن' & 'عراق')");
    expect(tsquery("الناتو OR الأطلسي")).toBe("('ناتو' | 'اطلسي')");
    expect(tsquery("a b OR c")).toBe("(('a' & 'b') | 'c')");
    expect(tsquery('"الأمن السيبراني"')).toBe("('امن' <-> 'سيبراني')");
    expect(tsquery("الأعر*")).toBe("'اعر':*");
    expect(tsquery('"الأمن السيبر"*')).toBe("('امن' <-> 'سيبر':*)");
    expect(tsquery("الناتو -بروكسل")).toBe("('ناتو' & !('بروكسل'))");
    expect(tsquery("الناتو NOT (بروكسل OR الكاربنيري)")).toBe("('ناتو' & !(('بروكسل' | 'كاربنيري')))");
    expect(tsquery("a -b -c d")).toBe("(('a' & 'd') & !('b' | 'c'))");
    expect(tsquery("al-Araji")).toBe("('al' <-> 'araji')");
  });

  it("leaves tsquery syntax typed by a user as text: it never survives normalisation, and would be quoted if it did", () => {
    expect(tsquery("a & b | !c <-> dd:* 'e' \\f")).toBe("('a' & 'b' & 'c' & 'dd':* & 'e' & 'f')");
    expect(toTsQuery(word("it's", "a\\b"))).toBe("('it''s' <-> 'a\\\\b')");
    expect(toTsQuery({ kind: "term", tokens: ["x:*&|!"], prefix: true })).toBe("'x:*&|!':*");
  });

  it("turns a token too long for a PostgreSQL lexeme into a lexeme no document holds, not an error", () => {
    expect(toTsQuery(word("ن".repeat(1024)))).toBe("' '");
    expect(toTsQuery({ kind: "all", include: [word("a")], exclude: [word("ن".repeat(1024))] })).toBe("('a' & !(' '))");
    expect(toTsQuery(word("ن".repeat(1023)))).toBe(`'${"ن".repeat(1023)}'`);
  });
});
