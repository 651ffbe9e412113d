import { describe, expect, it } from "vitest";
import { useSeededApi } from "../support/seededApi.js";

// Expected hits come from reading the five texts in seeds/articles and the record in
// seeds/record, not from the database.
const A000 = "000_5b8f212ff622d3ed"; // INA: EUAM Iraq's fifth anniversary; «والسيبراني», misspelt «السبراني», «حلف الناتو»
const A001 = "001_b7e3ec9679121fa0"; // al-Shammari meets NATO's deputy secretary general in Brussels
const A002 = "002_3680a3449cddc4b9"; // Elaph: al-Kadhimi and Loiseau; «الاتحاد الاوروبي» without hamza, no NATO
const A003 = "003_e671d139e0bcab16"; // Elaph: al-Araji and al-Sudani meet Admiral Munsch; «الأمن السيبراني»; the 2018 Brussels summit
const A004 = "004_1f5f7481dc13df7a"; // Youm7: «الأعرجى» in the headline, Iannucci, the Carabinieri, «الأمن السيبراني»

const api = useSeededApi();

const HITS = `query ($query: String!, $types: [SearchType!]) { search(query: $query, types: $types, first: 100) {
  totalCount nodes { __typename ... on Article { slug } ... on Actor { slug } ... on Meeting { slug } ... on Topic { slug } } } }`;

/** Every hit of a search, as `Type:slug`, best first. */
async function hits(query: string, types?: string[]): Promise<string[]> {
  const { search } = await api.data(HITS, { query, types });
  expect(search.nodes).toHaveLength(search.totalCount);
  return search.nodes.map((n: any) => `${n.__typename}:${n.slug}`);
}

/** The slugs of the articles a search finds, sorted. */
async function articles(query: string): Promise<string[]> {
  return (await hits(query, ["ARTICLE"])).map((h) => h.slice("Article:".length)).sort();
}

describe("search over the five articles", () => {
  it("finds the phrase «الأمن السيبراني» in 003 and 004 only; 000 writes «الأمن السبراني» and «الأمني والسيبراني»", async () => {
    expect(await articles('"الأمن السيبراني"')).toEqual([A003, A004]);
    expect(await articles("السيبراني")).toEqual([A000, A003, A004]);
    expect(await articles("السبراني")).toEqual([A000]);
    expect(await articles("السيبراني OR السبراني")).toEqual([A000, A003, A004]);
  });

  it("finds the EU under both spellings of «الأوروبي»: 002 writes it with and without hamza", async () => {
    expect(await articles('"الاتحاد الأوروبي"')).toEqual([A000, A002, A003]);
    expect(await articles('"الاتحاد الاوروبي"')).toEqual([A000, A002, A003]);
  });

  it("finds NATO in the four articles that name it, whatever prefix the query carries", async () => {
    for (const query of ["الناتو", "ناتو", "والناتو", "بالناتو", "للناتو", "وللناتو", "فالناتو"]) expect(await articles(query)).toEqual([A000, A001, A003, A004]);
  });

  it("finds al-Araji in 003 and 004 as written, vocalised, stretched, with bare alef or final ى", async () => {
    for (const query of ["الأعرجي", "الاعرجي", "الأعرجى", "الأعـــرجي", "الأَعْرَجِيّ", "قَاسِمٌ الأَعْرَجِيُّ", "«قاسم الأعرجى»", "ﺍﻷﻋﺮﺟﻲ"]) {
      expect(await articles(query), query).toEqual([A003, A004]);
    }
  });

  it("combines words: AND, OR, NOT and exclusions", async () => {
    expect(await articles("الأعرجي بروكسل")).toEqual([A003]);
    expect(await articles("الأعرجي AND بروكسل")).toEqual([A003]);
    expect(await articles("لويزو OR مونش")).toEqual([A002, A003]);
    expect(await articles("الناتو -بروكسل")).toEqual([A000, A004]);
    expect(await articles("الناتو NOT (بروكسل OR الكاربنيري)")).toEqual([A000]);
    expect(await articles("الكاظمي الناتو")).toEqual([]);
  });

  it("finds prefixes only where asked for with *", async () => {
    expect(await articles("اينوت*")).toEqual([A004]);
    expect(await articles("اينوت")).toEqual([]);
    expect(await hits("الكاربن*")).toEqual(expect.arrayContaining(["Actor:carabinieri", "Topic:police-training", "Meeting:2022-05-12-araji-iannucci", `Article:${A004}`]));
    expect(await articles('"الأمن السيبر"*')).toEqual([A003, A004]);
  });

  it("does not find near misses: Sudan in al-Sudani, a word inside another, a misspelt hamza on ya", async () => {
    expect(await hits("السودان")).toEqual([]);
    expect(await hits("السوداني")).toContain("Actor:mohammed-shia-al-sudani");
    expect(await hits("غداد")).toEqual([]);
    expect(await hits("رييس")).toEqual([]);
    expect(await hits("الشمر")).toEqual([]);
    expect(await hits("الشمري")).toContain("Actor:abdul-amir-al-shammari");
  });
});

describe("English queries find the Arabic record through names, aliases, keywords and summaries", () => {
  it("finds al-Araji and his two meetings from 'Araji', and from the alias 'Qassim'", async () => {
    expect((await hits("Araji")).sort()).toEqual(["Actor:qasim-al-araji", "Meeting:2022-05-12-araji-iannucci", "Meeting:2023-01-24-araji-munsch-baghdad"]);
    expect(await hits("araji", ["ACTOR"])).toEqual(["Actor:qasim-al-araji"]);
    expect(await hits("Qassim")).toEqual(["Actor:qasim-al-araji"]);
    expect(await hits('"al Araji"')).toEqual(await hits("al-Araji"));
  });

  it("finds the cybersecurity topic and the meetings that discussed cyber matters from 'cyber'", async () => {
    expect((await hits("cyber")).sort()).toEqual(["Meeting:2022-05-12-araji-iannucci", "Meeting:2022-11-01-allawi-euam-iraq-fifth-anniversary", "Topic:cybersecurity"]);
    // 'cybersecurity' in the 24 January summary is one word: a prefix reaches it.
    expect(await hits("cyber*")).toContain("Meeting:2023-01-24-araji-munsch-baghdad");
  });

  it("finds Loiseau, NATO's bodies and Daesh by their English names", async () => {
    expect((await hits("Loiseau")).sort()).toEqual(["Actor:nathalie-loiseau", "Meeting:2022-04-15-kadhimi-loiseau-european-parliament-baghdad"]);
    expect(await hits("NATO", ["ACTOR"])).toEqual(expect.arrayContaining(["Actor:nato", "Actor:nato-mission-iraq", "Actor:allied-joint-force-command-naples"]));
    expect(await hits("Daesh OR ISIS", ["ACTOR"])).toEqual(expect.arrayContaining(["Actor:daesh", "Actor:global-coalition-against-daesh"]));
  });

  it("ignores case and accents in Latin script", async () => {
    expect(await hits("LOISEAU")).toEqual(await hits("loiseau"));
    expect(await hits("Türkiye", ["ACTOR"])).toEqual(["Actor:turkey"]);
    expect(await hits("turkiye", ["ACTOR"])).toEqual(["Actor:turkey"]);
  });
});

describe("ranking", () => {
  it("puts the actor named by the query above texts that only mention it", async () => {
    expect((await hits("الأعرجي"))[0]).toBe("Actor:qasim-al-araji");
    expect((await hits("Araji"))[0]).toBe("Actor:qasim-al-araji");
    expect((await hits('"الأمن السيبراني"'))[0]).toBe("Topic:cybersecurity");
  });

  it("returns scores best first and restricts hits to the requested types", async () => {
    const { search } = await api.data(`{ search(query: "الناتو", first: 100) { edges { score node { __typename } } } }`);
    const scores = search.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(new Set(search.edges.map((e: any) => e.node.__typename))).toEqual(new Set(["Actor", "Article", "Meeting"]));
    expect(await hits("الناتو", ["MEETING", "TOPIC"])).toEqual((await hits("الناتو")).filter((h) => h.startsWith("Meeting:")));
    expect(await hits("الناتو", [])).toEqual([]);
  });
});

describe("list filters use the same index and syntax", () => {
  it("filters articles, keeping date order", async () => {
    const { articles: list } = await api.data(`{ articles(filter: { search: "\\"الأمن السيبراني\\"" }) { totalCount nodes { slug } } }`);
    expect(list.nodes.map((n: any) => n.slug)).toEqual([A004, A003]);
    expect(list.totalCount).toBe(2);
    const combined = await api.data(`{ articles(filter: { search: "الناتو", publisher: "elaph" }) { nodes { slug } } }`);
    expect(combined.articles.nodes.map((n: any) => n.slug)).toEqual([A003]);
    const none = await api.data(`{ articles(filter: { search: "^ ؟" }) { totalCount } }`);
    expect(none.articles.totalCount).toBe(0);
  });

  it("filters actors by name, alias, prefix or phrase", async () => {
    const found = async (search: string) => (await api.data(`query ($search: String) { actors(filter: { search: $search }, first: 100) { nodes { slug } } }`, { search })).actors.nodes.map((a: any) => a.slug);
    expect(await found("الأعر*")).toEqual(["qasim-al-araji"]);
    expect(await found("Qassim")).toEqual(["qasim-al-araji"]);
    expect(await found('"North Atlantic"')).toEqual(["nato"]);
    expect(await found("اينوتشي OR مونش")).toEqual(["giovanni-iannucci", "stuart-munsch"]);
    const missions = await api.data(`{ actors(filter: { search: "الناتو", kind: MISSION }) { nodes { slug } } }`);
    expect(missions.actors.nodes.map((a: any) => a.slug)).toEqual(["nato-mission-iraq"]);
  });

  it("refuses a malformed filter search with BAD_USER_INPUT naming the argument", async () => {
    for (const field of ["actors", "articles"]) {
      const { errors } = await api.run(`{ ${field}(filter: { search: "\\"الناتو" }) { totalCount } }`);
      expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "filter.search" });
    }
  });
});

describe("paging", () => {
  it("pages through every hit with opaque cursors, without gaps or repeats", async () => {
    const all = await hits("الناتو OR العراق");
    expect(all.length).toBeGreaterThan(10);
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 50; page++) {
      const { search }: any = await api.data(
        `query ($after: String) { search(query: "الناتو OR العراق", first: 4, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { __typename ... on Article { slug } ... on Actor { slug } ... on Meeting { slug } ... on Topic { slug } } } }`,
        { after },
      );
      expect(search.pageInfo.hasPreviousPage).toBe(after !== null);
      paged.push(...search.nodes.map((n: any) => `${n.__typename}:${n.slug}`));
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it("refuses a cursor from another search, a forged cursor and an oversized page", async () => {
    const { search } = await api.data(`{ search(query: "الناتو", first: 1) { pageInfo { endCursor } } }`);
    const cursor = search.pageInfo.endCursor;
    const other = await api.run(`query ($after: String) { search(query: "بغداد", after: $after) { totalCount } }`, { after: cursor });
    expect(other.errors?.[0]).toMatchObject({ message: expect.stringMatching(/belongs to another search/), extensions: { code: "BAD_USER_INPUT", argument: "after" } });
    const types = await api.run(`query ($after: String) { search(query: "الناتو", types: [ARTICLE], after: $after) { totalCount } }`, { after: cursor });
    expect(types.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    for (const after of ["not-a-cursor", Buffer.from(JSON.stringify(["s", -1, "x"])).toString("base64url"), Buffer.from(JSON.stringify([1, 2])).toString("base64url")]) {
      const forged = await api.run(`query ($after: String) { search(query: "الناتو", after: $after) { totalCount } }`, { after });
      expect(forged.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    }
    const big = await api.run(`{ search(query: "الناتو", first: 101) { totalCount } }`);
    expect(big.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first" });
  });
});

describe("no N+1", () => {
  const NESTED = `query ($first: Int) { search(query: "الناتو OR العراق OR السوداني", first: $first) { edges { score snippet { text highlights { start end } } node {
    __typename
    ... on Article { slug publisher { nameEn } mentions { actor { slug } } meetings { slug } }
    ... on Actor { slug aliases { text } affiliation { slug } }
    ... on Meeting { slug participants { actor { slug } } place { nameEn } }
    ... on Topic { slug parent { slug } } } } } }`;

  it("runs the same bounded number of statements for a page of 2 or of 25 hits of every kind", async () => {
    const few = await api.run(NESTED, { first: 2 });
    const many = await api.run(NESTED, { first: 25 });
    expect(many.errors).toBeUndefined();
    expect(new Set(many.data!.search.edges.map((e: any) => e.node.__typename))).toEqual(new Set(["Actor", "Article", "Meeting", "Topic"]));
    // The page; one load per kind (4); aliases; publishers, mentions, mention actors, article
    // meetings; affiliations; participants, participant actors, places; parents. A per-hit
    // query would run one per hit and per mention: well over 100 here.
    expect(many.statements).toBeLessThanOrEqual(16);
    expect(few.statements).toBeLessThanOrEqual(many.statements);
  });

  it("counts only when totalCount is selected", async () => {
    const without = await api.run(`{ search(query: "الناتو") { edges { cursor } } }`);
    const withCount = await api.run(`{ search(query: "الناتو") { totalCount edges { cursor } } }`);
    expect([without.statements, withCount.statements]).toEqual([1, 2]);
  });
});
