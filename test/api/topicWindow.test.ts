import { describe, expect, it } from "vitest";
import { useSeededApi } from "../support/seededApi.js";

// meetings(filter: { topic, from, to }) reads the window from MeetingTopic(topicId, dateSort) and,
// from outside it, only meetings without a single known day (src/db/meetingListSql.ts). That split
// must never lose or add a meeting: compare it with the overlap rule applied by hand to the whole
// record, for every topic and windows cut at every date the record holds (the seed has ranges,
// open bounds and single days).
const api = useSeededApi();

interface MeetingNode {
  slug: string;
  date: { earliest: string | null; latest: string | null };
  topics: { slug: string }[];
}
interface TopicNode {
  slug: string;
  children: { slug: string }[];
}

const overlaps = (m: MeetingNode, from: string, to: string) => (m.date.latest === null || m.date.latest >= from) && (m.date.earliest === null || m.date.earliest <= to);
const shift = (day: string, by: number) => new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10);

interface Case {
  topic: string;
  from: string;
  to: string;
  expected: string[];
}

/** Every topic against windows cut at every date the record holds, with the meetings expected by hand. */
async function windowCases(): Promise<Case[]> {
  const { meetings: { nodes: meetings } } = await api.data<{ meetings: { nodes: MeetingNode[] } }>(
    `{ meetings(first: 100) { nodes { slug date { earliest latest } topics { slug } } } }`,
  );
  const roots = (await api.data<{ topics: (TopicNode & { children: (TopicNode & { children: TopicNode[] })[] })[] }>(
    `{ topics { slug children { slug children { slug children { slug } } } } }`,
  )).topics;
  const subtree = new Map<string, Set<string>>();
  const walk = (node: { slug: string; children?: { slug: string; children?: unknown[] }[] }): Set<string> => {
    const own = new Set([node.slug]);
    for (const child of node.children ?? []) for (const s of walk(child as never)) own.add(s);
    subtree.set(node.slug, own);
    return own;
  };
  roots.forEach((root) => walk(root as never));
  expect(subtree.size).toBeGreaterThan(10);
  const days = [...new Set(meetings.flatMap((m) => [m.date.earliest, m.date.latest]).filter((d): d is string => d !== null))].sort();
  const windows: [string, string][] = [["1900-01-01", "2100-12-31"]];
  for (const day of days) windows.push([day, day], [shift(day, 1), shift(day, 40)], [shift(day, -40), shift(day, -1)], [shift(day, -400), day]);
  const cases: Case[] = [];
  for (const [topic, slugs] of subtree) {
    for (const [from, to] of windows) {
      cases.push({ topic, from, to, expected: meetings.filter((m) => m.topics.some((t) => slugs.has(t.slug)) && overlaps(m, from, to)).map((m) => m.slug) });
    }
  }
  return cases;
}

interface PageResult {
  meetings: { nodes: { slug: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };
}

const PAGE = `query ($topic: ID!, $from: Date!, $to: Date!, $order: MeetingOrder, $first: Int, $after: String, $last: Int, $before: String) {
  meetings(filter: { topic: $topic, from: $from, to: $to }, orderBy: $order, first: $first, after: $after, last: $last, before: $before) {
    nodes { slug } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

describe("meetings of a topic in a date window", () => {
  it("are exactly the meetings of the topic or a subtopic whose dates overlap the window, in date order", async () => {
    let checked = 0;
    let nonEmpty = 0;
    for (const { topic, from, to, expected } of await windowCases()) {
      const got = await api.data<{ meetings: { nodes: { slug: string }[]; totalCount: number } }>(
        `query ($topic: ID!, $from: Date!, $to: Date!) { meetings(filter: { topic: $topic, from: $from, to: $to }, first: 100) { totalCount nodes { slug } } }`,
        { topic, from, to },
      );
      expect(got.meetings.nodes.map((n) => n.slug), `${topic} ${from}..${to}`).toEqual(expected);
      expect(got.meetings.totalCount).toBe(expected.length);
      checked += 1;
      if (expected.length > 0) nonEmpty += 1;
    }
    // Not vacuous: many windows hold meetings, including ones only a range or open date reaches.
    expect(checked).toBeGreaterThan(500);
    expect(nonEmpty).toBeGreaterThan(100);
  }, 120_000);

  // Each subtopic contributes at most one page of keys per request (src/db/topicWindowQuery.ts):
  // paging by two, forward and backward, in both orders, must still visit every meeting once.
  it("pages through the window two at a time, forward and backward, in both orders", async () => {
    let paged = 0;
    const seen = new Set<string>();
    for (const { topic, from, to, expected } of await windowCases()) {
      if (expected.length < 3) continue;
      const key = `${topic} ${expected.join(",")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const order of ["DATE_ASC", "DATE_DESC"] as const) {
        const want = order === "DATE_ASC" ? expected : [...expected].reverse();
        const forward: string[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 50; guard++) {
          const page: PageResult = await api.data<PageResult>(PAGE, { topic, from, to, order, first: 2, after });
          forward.push(...page.meetings.nodes.map((n) => n.slug));
          expect(page.meetings.pageInfo.hasPreviousPage).toBe(after !== null);
          if (!page.meetings.pageInfo.hasNextPage) break;
          after = page.meetings.pageInfo.endCursor;
        }
        expect(forward, `${topic} ${from}..${to} ${order} forward`).toEqual(want);
        const backward: string[] = [];
        let before: string | null = null;
        for (let guard = 0; guard < 50; guard++) {
          const page: PageResult = await api.data<PageResult>(PAGE, { topic, from, to, order, last: 2, before });
          backward.unshift(...page.meetings.nodes.map((n) => n.slug));
          expect(page.meetings.pageInfo.hasNextPage).toBe(before !== null);
          if (!page.meetings.pageInfo.hasPreviousPage) break;
          before = page.meetings.pageInfo.startCursor;
        }
        expect(backward, `${topic} ${from}..${to} ${order} backward`).toEqual(want);
      }
      paged += 1;
    }
    expect(paged).toBeGreaterThan(10);
  }, 120_000);
});
