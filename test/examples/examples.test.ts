import { readdirSync, readFileSync } from "node:fs";
import { Kind, parse } from "graphql";
import type { OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { useSeededApi } from "../support/seededApi.js";

// Every example operation (examples/operations, also the IDE's saved tabs and the typed client's
// documents) runs against the seed record with its default variables, and its answer is checked
// against facts read in the five texts of seeds/articles, not copied from the database.
const OPERATIONS = new URL("../../examples/operations/", import.meta.url);
const ARTICLES = new URL("../../seeds/articles/", import.meta.url);

const A000 = "000_5b8f212ff622d3ed"; // INA: EUAM Iraq's fifth anniversary, Hussein Allawi for al-Sudani
const A001 = "001_b7e3ec9679121fa0"; // al-Shammari meets NATO's deputy secretary general in Brussels
const A002 = "002_3680a3449cddc4b9"; // Elaph: al-Kadhimi receives Nathalie Loiseau's EP delegation
const A003 = "003_e671d139e0bcab16"; // Elaph: al-Araji and al-Sudani meet Admiral Munsch
const A004 = "004_1f5f7481dc13df7a"; // Youm7: al-Araji and Fuad Hussein receive Lt Gen Iannucci

const files = readdirSync(OPERATIONS).filter((name) => name.endsWith(".graphql")).sort();
const sourceText = (slug: string) => readFileSync(new URL(`${slug}.txt`, ARTICLES), "utf8");
const slugs = (list: { slug: string }[]) => list.map((item) => item.slug);
const others = (participants: { actor: { slug: string } }[], self: string) => participants.map((p) => p.actor.slug).filter((slug) => slug !== self);

/** What each example must answer, by file name. A new example without an entry fails the test. */
const expectations: Record<string, (data: any) => void> = {
  "actor-timeline.graphql": ({ actor }) => {
    expect(actor.nameAr).toBe("قاسم الأعرجي");
    // 004 (a Thursday, "today") has him receive Iannucci; 003 has him meet Munsch in Baghdad on
    // Tuesday 24 January 2023. The 004 meeting is the earlier: Iannucci was the mission's "new"
    // commander then, and 003 is dated 2023.
    expect(actor.meetings.totalCount).toBe(2);
    const [iannucci, munsch] = actor.meetings.nodes;
    expect(others(iannucci.participants, "qasim-al-araji")).toEqual(["giovanni-iannucci"]);
    expect(iannucci.date).toMatchObject({ precision: "RANGE", weekday: "THURSDAY", text: "اليوم الخميس" });
    expect(iannucci.date.latest < "2023-01-24").toBe(true);
    expect(iannucci.place).toBeNull(); // «استقبل» with no place named
    expect(iannucci.sources.map((s: any) => s.article.slug)).toEqual([A004]);
    expect(iannucci.sources[0].quote).toContain("استقبل قائد بعثة حلف الناتو في العراق");

    expect(munsch.slug).toBe("2023-01-24-araji-munsch-baghdad");
    expect(others(munsch.participants, "qasim-al-araji")).toEqual(["stuart-munsch"]);
    expect(munsch.date).toEqual({ precision: "DAY", earliest: "2023-01-24", latest: "2023-01-24", weekday: "TUESDAY", text: "الثلاثاء 24 يناير 2023" });
    expect(munsch.place).toEqual({ nameAr: "بغداد", nameEn: "Baghdad" });
    expect(munsch.sources).toHaveLength(1);
    expect(munsch.sources[0].article).toMatchObject({ slug: A003, headline: null, publisher: { nameEn: "Elaph" } });
    expect(munsch.sources[0].quote).toContain("قاسم الأعرجي في بغداد اليوم");
  },

  "who-met-commander.graphql": ({ actor }) => {
    // 004: «قائد بعثة حلف الناتو في العراق، الفريق جيوفاني اينوتشي», received by al-Araji and,
    // earlier, by Foreign Minister Fuad Hussein at the ministry. Nobody else meets him.
    expect(actor.nameAr).toBe("جيوفاني اينوتشي");
    expect(actor.positions.map((p: any) => p.organisation?.slug)).toContain("nato-mission-iraq");
    const bySlug = Object.fromEntries(actor.counterparts.map((c: any) => [c.actor.slug, c]));
    expect(Object.keys(bySlug).sort()).toEqual(["fuad-hussein", "qasim-al-araji"]);
    expect(bySlug["fuad-hussein"].actor.nameAr).toBe("فؤاد حسين");
    expect(bySlug["qasim-al-araji"].actor.nameAr).toBe("قاسم الأعرجي");
    for (const counterpart of actor.counterparts) expect(counterpart.meetingCount).toBe(1);
    expect(slugs(bySlug["qasim-al-araji"].meetings)).toEqual(["2022-05-12-araji-iannucci"]);
    expect(slugs(bySlug["fuad-hussein"].meetings)).toEqual(["2022-05-10-fuad-hussein-iannucci-baghdad"]);
    // "in the ministry's headquarters": the Foreign Ministry is in Baghdad.
    expect(bySlug["fuad-hussein"].meetings[0].place).toEqual({ nameEn: "Baghdad" });
  },

  "topics-eu-vs-nato.graphql": ({ eu, nato }) => {
    // NATO, its mission and officials: the 2018 Brussels summit that launched the mission (003),
    // Fuad Hussein and al-Araji with Iannucci (004), al-Araji and al-Sudani with Munsch (003),
    // al-Shammari with deputy secretary general Burso San in Brussels (001).
    expect(slugs(nato.meetings.nodes).sort()).toEqual([
      "2018-07-01-nato-summit-brussels",
      "2022-05-10-fuad-hussein-iannucci-baghdad",
      "2022-05-12-araji-iannucci",
      "2023-01-24-araji-munsch-baghdad",
      "2023-01-24-sudani-munsch-baghdad",
      "2025-12-10-shammari-burso-san-brussels",
    ]);
    // The EU: Loiseau's European Parliament delegation (002), EUAM Iraq's anniversary (000), and
    // the Global Alliance conference in Brussels (001; the alliance is the European Commission's).
    expect(slugs(eu.meetings.nodes).sort()).toEqual([
      "2022-04-15-kadhimi-loiseau-european-parliament-baghdad",
      "2022-11-01-allawi-euam-iraq-fifth-anniversary",
      "2025-12-10-shammari-global-alliance-conference-brussels",
    ]);
    const topics = (side: any) => new Set<string>(side.meetings.nodes.flatMap((m: any) => slugs(m.topics)));
    const withEu = topics(eu);
    const withNato = topics(nato);
    // Cyber comes up with both: NATO's expertise in «الأمن السيبراني» (003, 004), and «التعاون
    // الأمني والسيبراني» with the EU (000).
    expect(withNato.has("cybersecurity") && withEu.has("cybersecurity")).toBe(true);
    // Only with NATO: securing the borders (003, «لتأمين حدود بلاده»).
    expect(withNato.has("border-security")).toBe(true);
    expect(withEu.has("border-security")).toBe(false);
    // Only with the EU: protecting antiquities (000, «وحماية الآثار») and the war in Ukraine (002).
    for (const slug of ["cultural-heritage", "russia-ukraine-war"]) {
      expect(withEu.has(slug)).toBe(true);
      expect(withNato.has(slug)).toBe(false);
    }
    expect(withEu.has("counter-terrorism") && withNato.has("counter-terrorism")).toBe(true);
  },

  "articles-on-topic.graphql": ({ topic }) => {
    expect(topic).toMatchObject({ nameAr: "الأمن السيبراني", nameEn: "Cybersecurity", parent: { nameEn: "Security cooperation" } });
    // Exactly the texts that speak of cyber (السيبراني, or 000's spelling السبراني), by date:
    // 004 (2022), 000 (late 2022), 003 (24 January 2023).
    const cyber = [A000, A001, A002, A003, A004].filter((slug) => /الس(ي)?براني/.test(sourceText(slug)));
    expect(cyber.sort()).toEqual([A000, A003, A004]);
    expect(slugs(topic.articles.nodes)).toEqual([A004, A000, A003]);
    expect(topic.articles.totalCount).toBe(3);
    expect(topic.articles.nodes[2].date).toEqual({ precision: "DAY", earliest: "2023-01-24", latest: "2023-01-24" });
    expect(topic.articles.nodes[0].headline).toBe("«الأعرجى» يبحث مع قائد بعثة الناتو فى العراق سبل التعاون الأمنى المشترك");
  },

  "meeting-evidence.graphql": ({ meeting }) => {
    expect(meeting.slug).toBe("2023-01-24-araji-munsch-baghdad");
    expect(meeting.date).toMatchObject({ precision: "DAY", earliest: "2023-01-24", weekday: "TUESDAY", derivation: "STATED", text: "الثلاثاء 24 يناير 2023" });
    expect(meeting.place).toEqual({ nameAr: "بغداد", nameEn: "Baghdad" });
    expect(meeting.placeEvidence.quote).toBe("في بغداد اليوم");
    expect(meeting.participants.map((p: any) => [p.actor.slug, p.role])).toEqual([
      ["qasim-al-araji", "HOST"],
      ["stuart-munsch", "HEAD_OF_DELEGATION"], // «الأدميرال ستيوارت مونش والوفد المرافق له»
    ]);
    expect(meeting.participants[1].evidence.quote).toContain("والوفد المرافق له");
    const topicQuote = Object.fromEntries(meeting.topicEvidence.map((t: any) => [t.topic.slug, t.evidence.quote]));
    expect(topicQuote["cybersecurity"]).toContain("الأمن السيبراني");
    expect(topicQuote["border-security"]).toContain("لتأمين حدود بلاده");
    expect(topicQuote["counter-narcotics"]).toContain("المخدرات");
    expect(meeting.sources).toHaveLength(1);
    // Every quote of this meeting is from 003, and each span is as long as its quote.
    const quotes = [meeting.placeEvidence, ...meeting.sources, ...meeting.participants.map((p: any) => p.evidence), ...meeting.topicEvidence.map((t: any) => t.evidence)];
    for (const evidence of quotes) {
      expect(evidence.article.slug).toBe(A003);
      expect(evidence.field).toBe("BODY"); // 003 has no headline
      expect(evidence.end - evidence.start).toBe(evidence.quote.length);
    }
  },

  "araji-with-nato.graphql": ({ meetings }) => {
    // Not with NATO itself but with its people: Iannucci, commander of NATO Mission Iraq (004),
    // then Munsch, commander of NATO's Joint Force Command (003).
    expect(meetings.totalCount).toBe(2);
    expect(meetings.nodes.map((m: any) => others(m.participants, "qasim-al-araji"))).toEqual([["giovanni-iannucci"], ["stuart-munsch"]]);
    expect(meetings.nodes[0].participants.find((p: any) => p.actor.slug === "giovanni-iannucci").actor.affiliation).toEqual({ slug: "nato-mission-iraq" });
    expect(meetings.nodes.map((m: any) => m.sources[0].article.slug)).toEqual([A004, A003]);
    expect(meetings.nodes[1].place).toEqual({ nameEn: "Baghdad" });
  },

  "search-actors.graphql": ({ actors }) => {
    // «الاعرجى» has neither the hamza of 003/004's «الأعرجي» nor its final ya; 004's headline
    // spells it «الأعرجى». It still finds al-Araji, and only him.
    expect(slugs(actors.nodes)).toEqual(["qasim-al-araji"]);
    expect(actors.nodes[0].nameAr).toBe("قاسم الأعرجي");
    expect(actors.nodes[0].aliases).toContainEqual({ language: "AR", text: "الأعرجى" });
    expect(sourceText(A004)).toContain("«الأعرجى»");
  },
};

// On SQLite and, with TAAWUN_TEST_DATABASE=postgres, on PostgreSQL (test/support/seededApi.ts).
const api = useSeededApi();

describe("the example operations", () => {
  it("exist, and each has an expectation here (and each expectation an example)", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files).toEqual(Object.keys(expectations).sort());
  });

  it.each(files)("%s is one named operation, introduced by its question in English and Arabic", (file) => {
    const text = readFileSync(new URL(file, OPERATIONS), "utf8");
    const operations = parse(text).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    expect(operations[0]!.name?.value).toMatch(/^[A-Z][A-Za-z]+$/);
    const comments = text.split("\n").filter((line) => line.startsWith("#"));
    expect(comments.some((line) => /[A-Za-z]{3}/.test(line) && !/[\u0600-\u06FF]/.test(line))).toBe(true);
    expect(comments.some((line) => /[\u0600-\u06FF]/.test(line))).toBe(true);
    // Runs as it stands (in the IDE, in this test): every variable has a default or may be null.
    for (const variable of operations[0]!.variableDefinitions ?? []) {
      expect(variable.defaultValue !== undefined || variable.type.kind !== Kind.NON_NULL_TYPE, `$${variable.variable.name.value} needs a default`).toBe(true);
    }
  });

  it.each(files)("%s answers what the texts say, quoting them verbatim", async (file) => {
    const { data, errors } = await api.run(readFileSync(new URL(file, OPERATIONS), "utf8"));
    expect(errors).toBeUndefined();
    const expectation = expectations[file];
    if (!expectation) throw new Error(`examples/operations/${file} has no expectation in test/examples/examples.test.ts; add one checked against seeds/articles`);
    expectation(data);
    // Any quote in any answer is a verbatim substring of the source text it names.
    for (const { quote, slug } of quotesIn(data)) expect(sourceText(slug), `quote from ${slug}`).toContain(quote);
  });
});

/** Every `{ quote, article: { slug } }` anywhere in a result. */
function quotesIn(value: unknown, found: { quote: string; slug: string }[] = []): { quote: string; slug: string }[] {
  if (Array.isArray(value)) {
    for (const item of value) quotesIn(item, found);
  } else if (value !== null && typeof value === "object") {
    const record = value as Record<string, any>;
    if (typeof record.quote === "string" && typeof record.article?.slug === "string") found.push({ quote: record.quote, slug: record.article.slug });
    for (const child of Object.values(record)) quotesIn(child, found);
  }
  return found;
}
