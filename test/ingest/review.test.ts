import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "../../src/auth/Caller.js";
import type { Caller } from "../../src/auth/Caller.js";
import { seededDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";
import { createAccessApi } from "../auth/support/accessApi.js";
import type { AccessApi } from "../auth/support/accessApi.js";

// A fictional report written for this test (not a seed text): the Iraqi interior minister, whom
// the record knows, receives a NATO official it does not know. The last line is site boilerplate.
const TEXT = [
  "الشمري يبحث مع مسؤول في حلف شمال الأطلسي تطوير قدرات الشرطة",
  "بغداد - وكالة الأنباء العراقية",
  "استقبل وزير الداخلية عبد الأمير الشمري، اليوم الثلاثاء في بغداد، مساعد الأمين العام لحلف شمال الأطلسي للعمليات، السفير ماركوس ليندغرين، والوفد المرافق له.",
  "وبحث الجانبان سبل تعزيز التعاون في مجال تدريب الشرطة الاتحادية وتبادل الخبرات في مكافحة الإرهاب وأمن الحدود.",
  "وأكد الشمري حرص الوزارة على الاستفادة من خبرات الحلف في بناء القدرات، فيما أشاد ليندغرين بما حققته القوات الأمنية العراقية.",
  "اشترك في قناتنا على تلغرام",
].join("\n");
const INPUT = { text: TEXT, publisher: "ina", url: "https://example.org/news/1", publishedOn: "2026-11-17" };

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) { status duplicateOf ingestion { id status body headline removedLines proposals { id kind status payload quote field start end } } }
}`;
const PROPOSALS = `query ($status: ProposalStatus, $first: Int, $after: String) {
  proposals(status: $status, first: $first, after: $after) { totalCount nodes { id kind status } pageInfo { hasNextPage endCursor } }
}`;
const ACCEPT = `mutation ($id: Int!) { acceptProposal(id: $id) { id status result reviewedBy } }`;
const REJECT = `mutation ($id: Int!, $reason: String!) { rejectProposal(id: $id, reason: $reason) { id status reason } }`;
const EVIDENCE = `quote field start end article { headline body }`;
const MEETING = `query ($slug: String!) { meeting(slug: $slug) {
  kind date { precision earliest } place { slug } summaryAr
  participants { role actor { slug nameAr positions { titleAr evidence { ${EVIDENCE} } } } evidence { ${EVIDENCE} } }
  topicEvidence { topic { slug } evidence { ${EVIDENCE} } }
  sources { ${EVIDENCE} }
} }`;

type Proposal = { id: number; kind: string; status: string; payload: string; quote: string; field: string; start: number; end: number };

let database: TestDatabase;
let api: AccessApi;
let reader: Caller;
let editor: Caller;

beforeAll(async () => {
  database = await seededDatabase();
  api = await createAccessApi(database.file);
  reader = (await api.key("reader-1", "reader")).caller;
  editor = (await api.key("editor-1", "editor")).caller;
});
afterAll(async () => {
  await api.close();
  database.remove();
});

const count = (table: string) => (api.db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
const TABLES = ["Ingestion", "Proposal", "Article", "Actor", "Meeting", "Participant", "MeetingSource", "Evidence", "AuditLog"] as const;
const counts = () => Object.fromEntries(TABLES.map((t) => [t, count(t)])) as Record<(typeof TABLES)[number], number>;

async function ok(caller: Caller, query: string, variables?: Record<string, unknown>) {
  const { data, errors } = await api.run(caller, query, variables);
  expect(errors).toBeUndefined();
  return data;
}
async function errorCode(caller: Caller, query: string, variables?: Record<string, unknown>) {
  const { errors } = await api.run(caller, query, variables);
  expect(errors).toHaveLength(1);
  return errors![0].extensions.code as string;
}
/** Every quote must be the verbatim substring its offsets point at. */
function expectVerbatim(e: { quote: string; field: string; start: number; end: number; article: { headline: string | null; body: string } }) {
  expect((e.field === "HEADLINE" ? e.article.headline! : e.article.body).slice(e.start, e.end)).toBe(e.quote);
}

describe("ingesting and reviewing a new article", () => {
  let proposals: Proposal[];
  let ingestionId: number;

  it("refuses anonymous and reader callers, storing nothing", async () => {
    const before = counts();
    expect(await errorCode(ANONYMOUS, INGEST, { input: INPUT })).toBe("UNAUTHENTICATED");
    expect(await errorCode(reader, INGEST, { input: INPUT })).toBe("FORBIDDEN");
    expect(await errorCode(ANONYMOUS, PROPOSALS)).toBe("UNAUTHENTICATED");
    expect(await errorCode(reader, PROPOSALS)).toBe("FORBIDDEN");
    expect(await errorCode(reader, ACCEPT, { id: 1 })).toBe("FORBIDDEN");
    expect(await errorCode(ANONYMOUS, REJECT, { id: 1, reason: "no" })).toBe("UNAUTHENTICATED");
    expect(counts()).toEqual(before);
  });

  it("stores the ingestion and its proposals, each with a verbatim quote, and nothing as fact", async () => {
    const before = counts();
    const { ingestArticle } = await ok(editor, INGEST, { input: INPUT });
    expect(ingestArticle.status).toBe("STORED");
    const ing = ingestArticle.ingestion;
    ingestionId = ing.id;
    proposals = ing.proposals;
    expect(JSON.parse(ing.removedLines)).toEqual([{ line: "اشترك في قناتنا على تلغرام", reason: "subscription prompt" }]);
    for (const p of proposals) {
      expect(p.status).toBe("PROPOSED");
      expect((p.field === "HEADLINE" ? ing.headline : ing.body).slice(p.start, p.end)).toBe(p.quote);
    }
    const kinds = new Set(proposals.map((p) => p.kind));
    for (const k of ["NEW_ACTOR", "MENTION", "MEETING", "TOPIC"]) expect(kinds).toContain(k);
    const after = counts();
    expect(after.Ingestion).toBe(before.Ingestion + 1);
    expect(after.Proposal).toBe(before.Proposal + proposals.length);
    expect(after.AuditLog).toBe(before.AuditLog + 1);
    // Nothing proposed is a fact yet.
    for (const t of ["Article", "Actor", "Meeting", "Participant", "MeetingSource", "Evidence"] as const) expect(after[t]).toBe(before[t]);
  });

  it("changes nothing when the same text is ingested again", async () => {
    const before = counts();
    const { ingestArticle } = await ok(editor, INGEST, { input: INPUT });
    expect(ingestArticle.status).toBe("ALREADY_INGESTED");
    expect(ingestArticle.ingestion.id).toBe(ingestionId);
    expect(counts()).toEqual(before);
  });

  it("pages the review queue for editors", async () => {
    const first = (await ok(editor, PROPOSALS, { status: "PROPOSED", first: 5 })).proposals;
    expect(first.totalCount).toBe(proposals.length);
    expect(first.nodes).toHaveLength(5);
    const next = (await ok(editor, PROPOSALS, { status: "PROPOSED", first: 5, after: first.pageInfo.endCursor })).proposals;
    expect(next.nodes[0].id).toBeGreaterThan(first.nodes[4].id);
  });

  it("refuses a meeting whose new participant is not accepted, then records it with evidence once it is", async () => {
    const meeting = proposals.find((p) => p.kind === "MEETING" && JSON.parse(p.payload).participants.some((x: { actor: string }) => x.actor.startsWith("new:")))!;
    expect(meeting).toBeDefined();
    const newKey = JSON.parse(meeting.payload).participants.find((x: { actor: string }) => x.actor.startsWith("new:")).actor;
    const person = proposals.find((p) => p.kind === "NEW_ACTOR" && JSON.parse(p.payload).key === newKey)!;
    const before = counts();
    expect(await errorCode(editor, ACCEPT, { id: meeting.id })).toBe("BAD_USER_INPUT");
    expect(counts()).toEqual(before); // the refused transaction rolled back, audit row included

    // The organisation the rules carved out of the title is wrong: reject it.
    for (const p of proposals.filter((x) => x.kind === "NEW_ACTOR" && x.id !== person.id)) {
      expect((await ok(editor, REJECT, { id: p.id, reason: "not an organisation" })).rejectProposal.status).toBe("REJECTED");
    }
    const acceptedActor = (await ok(editor, ACCEPT, { id: person.id })).acceptProposal;
    expect(acceptedActor).toMatchObject({ status: "ACCEPTED", reviewedBy: "key:editor-1" });
    expect(acceptedActor.result).toMatch(/^actor:/);
    const accepted = (await ok(editor, ACCEPT, { id: meeting.id })).acceptProposal;
    expect(accepted.result).toMatch(/^meeting:/);

    const m = (await ok(ANONYMOUS, MEETING, { slug: accepted.result.slice("meeting:".length) })).meeting;
    expect(m).toMatchObject({ kind: "MEETING", date: { precision: "DAY", earliest: "2026-11-17" }, place: { slug: "baghdad" } });
    expect(m.participants.map((p: { role: string; actor: { slug: string } }) => [p.role, p.actor.slug]).sort()).toEqual(
      [["HOST", "abdul-amir-al-shammari"], ["VISITOR", acceptedActor.result.slice("actor:".length)]].sort(),
    );
    const visitor = m.participants.find((p: { role: string }) => p.role === "VISITOR").actor;
    expect(visitor.nameAr).toBe("ماركوس ليندغرين");
    expect(visitor.positions[0].titleAr).toContain("مساعد الأمين العام");
    const quotes = [...m.participants.map((p: any) => p.evidence), ...m.topicEvidence.map((t: any) => t.evidence), ...m.sources, visitor.positions[0].evidence];
    expect(quotes.length).toBeGreaterThan(3);
    for (const e of quotes) expectVerbatim(e);
    expect(m.topicEvidence.map((t: any) => t.topic.slug)).toContain("police-training");
    // The stored article is in the full-text index (the Prisma search extension ran inside the transaction).
    const search = `{ search(query: "ليندغرين", types: [ARTICLE]) { nodes { ... on Article { slug url } } } }`;
    expect((await ok(ANONYMOUS, search)).search.nodes).toEqual([{ slug: expect.stringMatching(/^ingested-/), url: INPUT.url }]);
  });

  it("never shows a rejected proposal as a fact", async () => {
    const same = proposals.find((p) => p.kind === "SAME_MEETING_SOURCE");
    const rejected = proposals.filter((p) => p.kind === "NEW_ACTOR" && !JSON.parse(p.payload).nameAr.includes("ليندغرين"));
    expect(rejected.length).toBeGreaterThan(0);
    for (const p of rejected) {
      const name = JSON.parse(p.payload).nameAr;
      expect(api.db.prepare(`SELECT COUNT(*) AS n FROM "Actor" WHERE nameAr = ?`).get(name)).toEqual({ n: 0 });
    }
    if (same) {
      const target = JSON.parse(same.payload).meeting as string;
      const sourcesBefore = (await ok(ANONYMOUS, MEETING, { slug: target })).meeting.sources.length;
      await ok(editor, REJECT, { id: same.id, reason: "a different meeting" });
      expect((await ok(ANONYMOUS, MEETING, { slug: target })).meeting.sources).toHaveLength(sourcesBefore);
    }
    // A decided proposal is not decided again.
    expect(await errorCode(editor, ACCEPT, { id: rejected[0]!.id })).toBe("BAD_USER_INPUT");
  });

  it("records accepted mentions and topics on the stored article, with verbatim offsets", async () => {
    const known = proposals.find((p) => p.kind === "MENTION" && JSON.parse(p.payload).known)!;
    const topic = proposals.find((p) => p.kind === "TOPIC")!;
    expect((await ok(editor, ACCEPT, { id: known.id })).acceptProposal.result).toBe(`actor:${JSON.parse(known.payload).actor}`);
    expect((await ok(editor, ACCEPT, { id: topic.id })).acceptProposal.result).toBe(`topic:${JSON.parse(topic.payload).topic}`);
    const query = `{ articles(first: 100) { nodes { slug headline body mentions { actor { slug } surface field start end } topics { slug } } } }`;
    const article = (await ok(ANONYMOUS, query)).articles.nodes.find((a: { slug: string }) => a.slug.startsWith("ingested-"));
    const mention = article.mentions.find((m: { start: number; field: string }) => m.start === known.start && m.field === known.field);
    expect(mention.actor.slug).toBe(JSON.parse(known.payload).actor);
    expect((mention.field === "HEADLINE" ? article.headline : article.body).slice(mention.start, mention.end)).toBe(mention.surface);
    expect(article.topics.map((t: { slug: string }) => t.slug)).toContain(JSON.parse(topic.payload).topic);
    // A mention of a proposed actor that was rejected cannot be accepted; it can be rejected.
    const rejectedKeys = new Set(proposals.filter((p) => p.kind === "NEW_ACTOR" && !JSON.parse(p.payload).nameAr.includes("ليندغرين")).map((p) => JSON.parse(p.payload).key));
    const orphan = proposals.find((p) => p.kind === "MENTION" && rejectedKeys.has(JSON.parse(p.payload).actor))!;
    expect(orphan).toBeDefined();
    expect(await errorCode(editor, ACCEPT, { id: orphan.id })).toBe("BAD_USER_INPUT");
    expect((await ok(editor, REJECT, { id: orphan.id, reason: "no such actor" })).rejectProposal.status).toBe("REJECTED");
    expect(await ok(editor, ACCEPT, { id: 999_999 })).toEqual({ acceptProposal: null });
  });

  it("audits every review with who made it", () => {
    const rows = api.db.prepare(`SELECT action, actor FROM "AuditLog" WHERE action LIKE 'proposal.%' OR action LIKE 'ingestion.%'`).all() as { action: string; actor: string }[];
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.actor).toBe("key:editor-1");
  });
});
