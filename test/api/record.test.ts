import { describe, expect, it } from "vitest";
import { useSeededApi } from "../support/seededApi.js";

// Expected values come from reading the five texts in seeds/articles, not from the database.
const A000 = "000_5b8f212ff622d3ed"; // INA: EUAM Iraq's fifth anniversary, Hussein Allawi for al-Sudani
const A001 = "001_b7e3ec9679121fa0"; // al-Shammari meets NATO's deputy secretary general in Brussels
const A002 = "002_3680a3449cddc4b9"; // Elaph: al-Kadhimi receives Nathalie Loiseau's EP delegation
const A003 = "003_e671d139e0bcab16"; // Elaph: al-Araji and al-Sudani meet Admiral Munsch
const A004 = "004_1f5f7481dc13df7a"; // Youm7: al-Araji and Fuad Hussein receive Lt Gen Iannucci

const api = useSeededApi();

describe("cross-article identity", () => {
  it("knows al-Araji as one actor across articles 003 and 004, under both spellings", async () => {
    const { actor } = await api.data(`{ actor(slug: "qasim-al-araji") {
      nameAr nameEn kind aliases { text } articles { nodes { slug } }
      mentions { surface article { slug } } } }`);
    expect(actor.nameAr).toBe("قاسم الأعرجي");
    expect(actor.kind).toBe("PERSON");
    expect(actor.articles.nodes.map((a: any) => a.slug).sort()).toEqual([A003, A004]);
    // 004 writes the name the Egyptian way in its headline: final ى.
    expect(actor.aliases.map((a: any) => a.text)).toContain("الأعرجى");
    expect(actor.mentions).toContainEqual({ surface: "الأعرجى", article: { slug: A004 } });
  });

  it("finds NATO in the four articles that name it, under its different spellings", async () => {
    const { actor } = await api.data(`{ actor(slug: "nato") { articles { totalCount nodes { slug } } mentions { surface } } }`);
    expect(actor.articles.nodes.map((a: any) => a.slug).sort()).toEqual([A000, A001, A003, A004]);
    const surfaces = new Set(actor.mentions.map((m: any) => m.surface));
    for (const form of ["الناتو", "حلف الناتو", "حلف شمال الأطلسي"]) expect(surfaces).toContain(form);
  });

  it("finds EUAM Iraq in articles 000 and 002, affiliated with the EU", async () => {
    const { actor } = await api.data(`{ actor(slug: "euam-iraq") { kind affiliation { slug } articles { nodes { slug } } } }`);
    expect(actor).toEqual({ kind: "MISSION", affiliation: { slug: "european-union" }, articles: { nodes: expect.any(Array) } });
    expect(actor.articles.nodes.map((a: any) => a.slug).sort()).toEqual([A000, A002]);
  });
});

describe("meetings", () => {
  it("records al-Araji's meeting with Admiral Munsch in Baghdad on Tuesday 24 January 2023, as stated", async () => {
    const { meetings } = await api.data(`{ meetings(filter: { participants: ["qasim-al-araji", "stuart-munsch"] }) { nodes {
      kind place { slug nameAr } date { precision earliest latest weekday derivation text }
      participants { actor { slug } role } topics { slug } sources { article { slug } } } } }`);
    expect(meetings.nodes).toHaveLength(1);
    const meeting = meetings.nodes[0];
    expect(meeting.place).toEqual({ slug: "baghdad", nameAr: "بغداد" });
    expect(meeting.date).toEqual({ precision: "DAY", earliest: "2023-01-24", latest: "2023-01-24", weekday: "TUESDAY", derivation: "STATED", text: "الثلاثاء 24 يناير 2023" });
    expect(meeting.participants.map((p: any) => p.actor.slug).sort()).toEqual(["qasim-al-araji", "stuart-munsch"]);
    expect(meeting.participants).toContainEqual({ actor: { slug: "qasim-al-araji" }, role: "HOST" });
    expect(meeting.topics.map((t: any) => t.slug)).toEqual(expect.arrayContaining(["cybersecurity", "border-security", "counter-narcotics", "counter-terrorism"]));
    expect(meeting.sources).toEqual([{ article: { slug: A003 } }]);
  });

  it("keeps al-Sudani's earlier meeting with Munsch without inventing its day", async () => {
    const { meetings } = await api.data(`{ meetings(filter: { participants: ["mohammed-shia-al-sudani", "stuart-munsch"] }) { nodes { date { precision earliest latest derivation note } } } }`);
    expect(meetings.nodes).toHaveLength(1);
    const date = meetings.nodes[0].date;
    expect(date.precision).toBe("RANGE");
    expect(date.earliest).toBeNull();
    expect(date.latest).toBe("2023-01-24");
    expect(date.derivation).toBe("INFERRED");
    expect(date.note).toMatch(/قبل ذلك|before/);
  });

  it("answers 'every meeting al-Araji held with NATO since 2022' through NATO's affiliates", async () => {
    const query = `query ($affiliates: Boolean) { meetings(filter: { participants: ["qasim-al-araji", "nato"], includeAffiliates: $affiliates, from: "2022-01-01" }) {
      nodes { participants { actor { slug } } } } }`;
    const direct = await api.data(query, { affiliates: false });
    expect(direct.meetings.nodes).toEqual([]);
    const { meetings } = await api.data(query, { affiliates: true });
    const counterparts = meetings.nodes.map((m: any) => m.participants.map((p: any) => p.actor.slug).filter((s: string) => s !== "qasim-al-araji"));
    expect(counterparts).toEqual([["giovanni-iannucci"], ["stuart-munsch"]]);
  });

  it("answers 'who else met the NATO Mission Iraq commander'", async () => {
    const { actor } = await api.data(`{ actor(slug: "giovanni-iannucci") { positions { titleEn organisation { slug } } counterparts { actor { slug } meetingCount } } }`);
    expect(actor.positions.map((p: any) => p.organisation?.slug)).toContain("nato-mission-iraq");
    expect(actor.counterparts.map((c: any) => c.actor.slug).sort()).toEqual(["fuad-hussein", "qasim-al-araji"]);
    expect(actor.counterparts.every((c: any) => c.meetingCount === 1)).toBe(true);
  });

  it("records al-Kadhimi receiving the European Parliament delegation headed by Nathalie Loiseau", async () => {
    const { meetings } = await api.data(`{ meetings(filter: { actor: "nathalie-loiseau" }) { nodes { kind place { slug } participants { actor { slug } role } topics { slug } sources { article { slug publisher { slug } } } } } }`);
    expect(meetings.nodes).toHaveLength(1);
    const meeting = meetings.nodes[0];
    expect(meeting.kind).toBe("DELEGATION_VISIT");
    expect(meeting.place).toEqual({ slug: "baghdad" });
    expect(meeting.participants).toContainEqual({ actor: { slug: "nathalie-loiseau" }, role: "HEAD_OF_DELEGATION" });
    expect(meeting.participants).toContainEqual({ actor: { slug: "mustafa-al-kadhimi" }, role: "HOST" });
    expect(meeting.topics.map((t: any) => t.slug)).toEqual(expect.arrayContaining(["counter-terrorism", "organised-crime", "counter-narcotics", "migrant-smuggling"]));
    expect(meeting.sources).toEqual([{ article: { slug: A002, publisher: { slug: "elaph" } } }]);
  });

  it("records al-Shammari's sideline meeting in Brussels with NATO's deputy secretary general", async () => {
    const { meetings } = await api.data(`{ meetings(filter: { actor: "abdul-amir-al-shammari", kind: SIDELINE_MEETING }) { nodes { place { nameEn } participants { actor { slug affiliation { slug } } } } } }`);
    expect(meetings.nodes).toHaveLength(1);
    expect(meetings.nodes[0].place).toEqual({ nameEn: "Brussels" });
    expect(meetings.nodes[0].participants).toContainEqual({ actor: { slug: "burso-san", affiliation: { slug: "nato" } } });
  });

  it("records Hussein Allawi attending the EUAM anniversary as al-Sudani's representative", async () => {
    const { meetings } = await api.data(`{ meetings(filter: { kind: CEREMONY }) { nodes { participants { actor { slug } role representing { slug } } sources { article { slug } } } } }`);
    expect(meetings.nodes).toHaveLength(1);
    expect(meetings.nodes[0].participants).toContainEqual({ actor: { slug: "hussein-allawi" }, role: "REPRESENTATIVE", representing: { slug: "mohammed-shia-al-sudani" } });
    expect(meetings.nodes[0].sources).toEqual([{ article: { slug: A000 } }]);
  });

  it("tells topics discussed with the EU from those discussed with NATO", async () => {
    const topicsWith = async (slug: string) => {
      const { actor } = await api.data(`query ($slug: String) { actor(slug: $slug) { meetings(includeAffiliates: true, first: 100) { nodes { topics { slug } } } } }`, { slug });
      return new Set<string>(actor.meetings.nodes.flatMap((m: any) => m.topics.map((t: any) => t.slug)));
    };
    const eu = await topicsWith("european-union");
    const nato = await topicsWith("nato");
    expect(nato.has("cybersecurity")).toBe(true);
    expect(nato.has("border-security")).toBe(true);
    expect(eu.has("cultural-heritage")).toBe(true);
    expect(nato.has("cultural-heritage")).toBe(false);
    expect(eu.has("russia-ukraine-war")).toBe(true);
  });

  it("filters by topic including subtopics, and by date overlap", async () => {
    const { topic } = await api.data(`{ topic(slug: "cybersecurity") { nameAr parent { slug } meetings { nodes { slug } } } }`);
    expect(topic.nameAr).toBe("الأمن السيبراني");
    expect(topic.parent).toEqual({ slug: "security-cooperation" });
    const cyber = topic.meetings.nodes.map((m: any) => m.slug);
    expect(cyber).toEqual(expect.arrayContaining(["2023-01-24-araji-munsch-baghdad", "2022-05-12-araji-iannucci"]));
    const { meetings } = await api.data(`{ meetings(filter: { topic: "security-cooperation", from: "2023-01-01", to: "2023-12-31" }) { nodes { slug } } }`);
    expect(meetings.nodes.map((m: any) => m.slug)).toEqual(["2023-01-24-araji-munsch-baghdad", "2023-01-24-sudani-munsch-baghdad"]);
  });
});

describe("articles", () => {
  it("stores a headline only where the text has one, and strips site boilerplate", async () => {
    const { articles } = await api.data(`{ articles(first: 10) { nodes { slug headline removedLines publisher { slug } language } } }`);
    const bySlug = Object.fromEntries(articles.nodes.map((a: any) => [a.slug, a]));
    expect(bySlug[A001].headline).toBe("العراق يؤكد رغبته بالاستفادة من خبرات الناتو الأمنية");
    expect(bySlug[A004].headline).toBe("«الأعرجى» يبحث مع قائد بعثة الناتو فى العراق سبل التعاون الأمنى المشترك");
    for (const slug of [A000, A002, A003]) expect(bySlug[slug].headline).toBeNull();
    expect(bySlug[A000].removedLines).toEqual(["ليصلك المزيد من الأخبار اشترك بقناتنا على التليكرام"]);
    expect(bySlug[A003].removedLines).toEqual(["التعليقات"]);
    expect(bySlug[A002].publisher).toEqual({ slug: "elaph" });
    expect(bySlug[A003].publisher).toEqual({ slug: "elaph" });
    expect(bySlug[A001].language).toBe("ar");
  });

  it("dates article 003 to the day it states", async () => {
    const { article } = await api.data(`{ article(slug: "${A003}") { date { precision earliest latest } body } }`);
    expect(article.date).toEqual({ precision: "DAY", earliest: "2023-01-24", latest: "2023-01-24" });
    expect(article.body.startsWith("إيلاف من لندن:")).toBe(true);
    expect(article.body).not.toContain("التعليقات");
  });
});

describe("evidence", () => {
  it("cites only verbatim quotes, at offsets that index the stored text", async () => {
    const { meetings } = await api.data(`{ meetings(first: 100) { nodes {
      sources { quote field start end article { headline body } }
      placeEvidence { quote field start end article { headline body } }
      participants { evidence { quote field start end article { headline body } } }
      topicEvidence { evidence { quote field start end article { headline body } } } } } }`);
    const evidence = meetings.nodes.flatMap((m: any) => [
      ...m.sources,
      ...(m.placeEvidence ? [m.placeEvidence] : []),
      ...m.participants.map((p: any) => p.evidence),
      ...m.topicEvidence.map((t: any) => t.evidence),
    ]);
    expect(evidence.length).toBeGreaterThan(80);
    for (const e of evidence) {
      const text = e.field === "HEADLINE" ? e.article.headline : e.article.body;
      expect(text.slice(e.start, e.end)).toBe(e.quote);
    }
  });

  it("locates every mention at offsets into the stored headline or body", async () => {
    const { articles } = await api.data(`{ articles { nodes { headline body mentions { surface field start end } } } }`);
    let count = 0;
    for (const article of articles.nodes) {
      for (const m of article.mentions) {
        count += 1;
        expect((m.field === "HEADLINE" ? article.headline : article.body).slice(m.start, m.end)).toBe(m.surface);
      }
    }
    expect(count).toBeGreaterThan(200);
  });

  it("cites each position held", async () => {
    const { actor } = await api.data(`{ actor(slug: "abdul-amir-al-shammari") { positions { titleAr titleEn organisation { slug } evidence { quote article { slug } } } } }`);
    expect(actor.positions).toHaveLength(1);
    expect(actor.positions[0].organisation).toEqual({ slug: "iraqi-ministry-of-interior" });
    expect(actor.positions[0].evidence.article.slug).toBe(A001);
    expect(actor.positions[0].evidence.quote).toContain("وزير الداخلية العراقي عبد الأمير الشمري");
  });
});

describe("search over names", () => {
  const found = async (search: string) => {
    const { actors } = await api.data(`query ($search: String) { actors(filter: { search: $search }, first: 100) { nodes { slug } } }`, { search });
    return actors.nodes.map((a: any) => a.slug);
  };

  it.each([
    ["الأعرجي", "the spelling of the texts"],
    ["الاعرجي", "a bare alef for the hamza"],
    ["الأعرجى", "Egyptian final alef maqsura"],
    ["الأعـــرجي", "tatweel"],
    ["قَاسِم الأَعْرَجِي", "diacritics"],
    ["araji", "the English name"],
    ["AL-ARAJI", "Latin upper case"],
  ])("finds al-Araji by %s (%s)", async (search) => {
    expect(await found(search)).toContain("qasim-al-araji");
  });

  it("finds NATO through attached prefixes", async () => {
    for (const search of ["والناتو", "بالناتو", "للناتو"]) expect(await found(search)).toContain("nato");
  });

  it("finds Loiseau in Arabic and English, and nothing for a name not in the record", async () => {
    expect(await found("لويزو")).toEqual(["nathalie-loiseau"]);
    expect(await found("Loiseau")).toEqual(["nathalie-loiseau"]);
    expect(await found("Stoltenberg")).toEqual([]);
  });

  it("filters by kind", async () => {
    const { actors } = await api.data(`{ actors(filter: { kind: MISSION }) { nodes { slug } } }`);
    expect(actors.nodes.map((a: any) => a.slug)).toEqual(["euam-iraq", "nato-mission-iraq"]);
  });
});

describe("connections", () => {
  it("pages forward and backward through every meeting without gaps or repeats", async () => {
    const all = (await api.data(`{ meetings(first: 100) { totalCount nodes { slug } } }`)).meetings;
    const slugs: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await api.data(`query ($after: String) { meetings(first: 3, after: $after) { pageInfo { hasNextPage endCursor } nodes { slug } } }`, { after })).meetings;
      slugs.push(...page.nodes.map((n: any) => n.slug));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(slugs).toEqual(all.nodes.map((n: any) => n.slug));
    expect(slugs).toHaveLength(all.totalCount);
    const last = (await api.data(`{ meetings(last: 2) { pageInfo { hasPreviousPage } nodes { slug } } }`)).meetings;
    expect(last.nodes.map((n: any) => n.slug)).toEqual(slugs.slice(-2));
    expect(last.pageInfo.hasPreviousPage).toBe(true);
    const desc = (await api.data(`{ meetings(orderBy: DATE_DESC, first: 100) { nodes { slug } } }`)).meetings;
    expect(desc.nodes.map((n: any) => n.slug)).toEqual([...slugs].reverse());
  });

  it("resolves every node id it hands out", async () => {
    const data = await api.data(`{ actor(slug: "nato") { id } meeting(slug: "2023-01-24-araji-munsch-baghdad") { id } topic(slug: "cybersecurity") { id } place(slug: "baghdad") { id } article(slug: "${A003}") { id } }`);
    for (const [type, value] of Object.entries(data)) {
      const { node } = await api.data(`query ($id: ID!) { node(id: $id) { __typename id } }`, { id: (value as any).id });
      expect(node).toEqual({ __typename: type[0]!.toUpperCase() + type.slice(1), id: (value as any).id });
    }
  });

  it("lists the topic tree from its roots", async () => {
    const { topics } = await api.data(`{ topics { slug children { slug children { slug } } } }`);
    expect(topics.map((t: any) => t.slug)).toEqual(["security-cooperation", "political-relations"]);
    const security = topics[0].children;
    expect(security.map((c: any) => c.slug)).toEqual(expect.arrayContaining(["counter-terrorism", "cybersecurity", "border-security", "law-enforcement"]));
    const lawEnforcement = security.find((c: any) => c.slug === "law-enforcement");
    expect(lawEnforcement.children.map((c: any) => c.slug)).toEqual(expect.arrayContaining(["counter-narcotics", "organised-crime", "migrant-smuggling"]));
  });
});
