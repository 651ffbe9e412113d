import { describe, expect, it } from "vitest";
import { buildSnippet } from "../../src/search/buildSnippet.js";
import { findHighlights } from "../../src/search/findHighlights.js";
import { parseSearchQuery } from "../../src/search/parseSearchQuery.js";
import { normalizeForSearch } from "../../src/text/index.js";
import { useSeededApi } from "../support/seededApi.js";

const terms = (query: string) => parseSearchQuery(query, "query")!.positiveTerms;
/** The original text of each highlight. */
const marked = (text: string, query: string) => findHighlights(text, terms(query)).spans.map((s) => text.slice(s.start, s.end));

describe("highlights are the original text of each match", () => {
  it("keeps harakat, tatweel, hamza and attached prefixes exactly as written", () => {
    const text = "أكد وزير الداخلية قَاسِمٌ الأَعْرَجِيُّ أن العراق حريص على علاقته مع «الناتـــو» وبالنّاتو";
    expect(marked(text, "الاعرجى")).toEqual(["الأَعْرَجِيُّ"]);
    expect(marked(text, "قاسم الأعرجي")).toEqual(["قَاسِمٌ", "الأَعْرَجِيُّ"]);
    expect(marked(text, '"قاسم الأعرجي"')).toEqual(["قَاسِمٌ الأَعْرَجِيُّ"]);
    expect(marked(text, "الناتو")).toEqual(["الناتـــو", "وبالنّاتو"]);
    expect(marked(text, "الأعر*")).toEqual(["الأَعْرَجِيُّ"]);
  });

  it("marks presentation forms and ligatures whole, and Latin matches in any case", () => {
    expect(marked("زيارة ﺍﻟﻨﺎﺗﻮ اليوم", "الناتو")).toEqual(["ﺍﻟﻨﺎﺗﻮ"]);
    expect(marked("Qasim AL-ARAJI met Munsch", "al-Araji")).toEqual(["AL-ARAJI"]);
    expect(marked("Türkiye and Turkey", "turkiye")).toEqual(["Türkiye"]);
  });

  it("marks nothing for excluded terms and nothing inside other words", () => {
    expect(marked("الناتو في بروكسل", "الناتو -بروكسل")).toEqual(["الناتو"]);
    expect(marked("بغداد والسودان والسوداني", "السودان")).toEqual(["والسودان"]);
  });
});

describe("the snippet window", () => {
  const body = `${"كلمة ".repeat(60)}وأكد «الأعرجي» أن العراق حريص على التعاون في مجال الأمن السيبراني مع الحلف ${"نهاية ".repeat(60)}`;

  it("returns a short field whole", () => {
    const snippet = buildSnippet([{ field: "NAME", text: "قاسم الأعرجي" }], terms("الاعرجي"), 200);
    expect(snippet).toEqual({ field: "NAME", text: "قاسم الأعرجي", start: 0, end: 12, highlights: [{ start: 5, end: 12 }] });
  });

  it("cuts a long field at spaces around the densest run of matches, within maxLength", () => {
    const snippet = buildSnippet([{ field: "BODY", text: body }], terms('الأعرجي "الأمن السيبراني"'), 100);
    expect(snippet.text.length).toBeLessThanOrEqual(100);
    expect(body.slice(snippet.start, snippet.end)).toBe(snippet.text);
    expect(snippet.highlights.map((h) => snippet.text.slice(h.start, h.end))).toEqual(["الأعرجي", "الأمن السيبراني"]);
    expect(body[snippet.start - 1]).toBe(" ");
    expect(body[snippet.end]).toBe(" ");
  });

  it("prefers the source where more distinct terms occur, then the first one", () => {
    const sources = [
      { field: "BODY" as const, text: "الناتو في العراق" },
      { field: "HEADLINE" as const, text: "الأعرجي والناتو" },
    ];
    expect(buildSnippet(sources, terms("الناتو OR الأعرجي"), 200).field).toBe("HEADLINE");
    expect(buildSnippet(sources, terms("الناتو"), 200).field).toBe("BODY");
    expect(buildSnippet(sources, terms("بروكسل"), 200)).toMatchObject({ field: "BODY", highlights: [] });
  });

  it("returns a match longer than maxLength whole rather than cutting it", () => {
    const long = `${"ا ".repeat(30)}${"ب".repeat(50)} ${"ت".repeat(50)} ${"ا ".repeat(30)}`;
    const snippet = buildSnippet([{ field: "BODY", text: long }], terms(`"${"ب".repeat(50)} ${"ت".repeat(50)}"`), 60);
    expect(snippet.highlights).toEqual([{ start: 0, end: 101 }]);
  });
});

describe("snippets through the API", () => {
  const api = useSeededApi();
  const SNIPPETS = `query ($query: String!, $max: Int) { search(query: $query, first: 100) { edges { snippet(maxLength: $max) { field text start end highlights { start end } }
    node { __typename ... on Article { headline body } ... on Actor { nameAr nameEn aliases { text } } ... on Meeting { summaryAr summaryEn } ... on Topic { nameAr nameEn keywordsAr keywordsEn } } } } }`;

  it.each(["الأعرجى", "قَاسِمٌ الأَعْرَجِيُّ", "النـــاتو", "والناتو", '"الأمن السيبراني"', "الكاربن*", "Araji", "cyber*", "السيبراني OR السبراني"])(
    "%s: every snippet is a verbatim excerpt of its field and every highlight a match of the query",
    async (query) => {
      const { search } = await api.data(SNIPPETS, { query, max: 120 });
      expect(search.edges.length).toBeGreaterThan(0);
      const wanted = terms(query).map((t) => t.tokens.join(" "));
      for (const { snippet, node } of search.edges) {
        const fields: string[] =
          node.__typename === "Article" ? [node.body, node.headline ?? ""]
          : node.__typename === "Actor" ? [node.nameAr, node.nameEn, ...node.aliases.map((a: any) => a.text)]
          : node.__typename === "Meeting" ? [node.summaryAr, node.summaryEn]
          : [node.nameAr, node.nameEn, ...node.keywordsAr, ...node.keywordsEn];
        expect(fields.some((field) => field.slice(snippet.start, snippet.end) === snippet.text)).toBe(true);
        expect(snippet.text.length).toBeLessThanOrEqual(120);
        expect(snippet.highlights.length).toBeGreaterThan(0);
        for (const h of snippet.highlights) {
          const key = normalizeForSearch(snippet.text.slice(h.start, h.end));
          expect(wanted.some((w) => (query.includes("*") ? key.startsWith(w) : key === w)), `${query}: ${key}`).toBe(true);
        }
      }
    },
  );

  it("marks the Egyptian spelling «الأعرجى» of 004's headline when the query says so", async () => {
    const { search } = await api.data(`{ search(query: "الأعرجى يبحث", types: [ARTICLE]) { edges { snippet { field text highlights { start end } } } } }`);
    const snippet = search.edges[0].snippet;
    expect(snippet.field).toBe("HEADLINE");
    expect(snippet.highlights.map((h: any) => snippet.text.slice(h.start, h.end))).toEqual(["الأعرجى", "يبحث"]);
  });

  it("refuses a snippet length out of range", async () => {
    const { errors } = await api.run(`{ search(query: "الناتو") { edges { snippet(maxLength: 5) { text } } } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "maxLength" });
  });
});
