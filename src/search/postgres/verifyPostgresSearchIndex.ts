import { normalizeForSearch } from "../../text/index.js";
import { searchDocid } from "../searchKinds.js";

/** What the check needs of a connection: pg's Client, Pool and PoolClient all fit. */
export interface PostgresQueryable {
  query(text: string): Promise<{ rows: unknown[] }>;
}

interface Expected {
  name: string;
  title: string;
  body: string;
}

const tokens = (text: string) => text.split(/\s+/u).filter((t) => t.length > 0);
const lines = (values: readonly (string | null)[]) => new Set(values.map((v) => normalizeForSearch(v ?? "")).filter((v) => v.length > 0));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((v) => b.has(v));

async function rows<T>(db: PostgresQueryable, sql: string): Promise<T[]> {
  return (await db.query(sql)).rows as T[];
}

/**
 * The PostgreSQL twin of verifySearchIndex: checks, from scratch, that the full-text index says
 * exactly what the record's text says:
 * 1. every shadow column equals the normaliser's output for its source text (names and aliases
 *    for actors, names and keywords for topics, compared as sets of lines);
 * 2. "SearchIndex" holds one document per actor, article, meeting and topic and no other, and
 *    each document's lexemes, position by position (read back with unnest(tsvector): weight A is
 *    the title, weight D the body, which starts two positions after the title's last token), are
 *    those of its shadow columns.
 * Returns the problems found, empty when consistent. A document past PostgreSQL's limits (a
 * position above 16383, a lexeme repeated more than 256 times, a token over 2046 bytes) is
 * reported too, since its phrases can no longer all be found. Reads everything: meant for tests
 * and maintenance, not for a request.
 */
export async function verifyPostgresSearchIndex(db: PostgresQueryable): Promise<string[]> {
  const problems: string[] = [];
  const expected = new Map<number, Expected>();

  const aliases = new Map<number, string[]>();
  for (const a of await rows<{ actorId: number; text: string }>(db, `SELECT "actorId", "text" FROM "ActorAlias"`)) {
    aliases.set(a.actorId, [...(aliases.get(a.actorId) ?? []), a.text]);
  }
  for (const a of await rows<{ id: number; slug: string; nameAr: string; nameEn: string; searchText: string }>(db, `SELECT "id", "slug", "nameAr", "nameEn", "searchText" FROM "Actor"`)) {
    if (!sameSet(new Set(a.searchText.split("\n").filter((l) => l)), lines([a.nameAr, a.nameEn, ...(aliases.get(a.id) ?? [])]))) {
      problems.push(`actor ${a.slug}: searchText is not the normalised names and aliases`);
    }
    expected.set(searchDocid("ACTOR", a.id), { name: `actor ${a.slug}`, title: a.searchText, body: "" });
  }
  for (const t of await rows<Record<string, string> & { id: number }>(db, `SELECT "id", "slug", "nameAr", "nameEn", "keywordsAr", "keywordsEn", "searchText" FROM "Topic"`)) {
    const names = [t.nameAr!, t.nameEn!, ...(JSON.parse(t.keywordsAr!) as string[]), ...(JSON.parse(t.keywordsEn!) as string[])];
    if (!sameSet(new Set(t.searchText!.split("\n").filter((l) => l)), lines(names))) problems.push(`topic ${t.slug}: searchText is not the normalised names and keywords`);
    expected.set(searchDocid("TOPIC", t.id), { name: `topic ${t.slug}`, title: t.searchText!, body: "" });
  }
  for (const a of await rows<Record<string, string | null> & { id: number }>(db, `SELECT "id", "slug", "headline", "body", "searchHeadline", "searchBody" FROM "Article"`)) {
    if (a.searchHeadline !== normalizeForSearch(a.headline ?? "")) problems.push(`article ${a.slug}: searchHeadline is stale`);
    if (a.searchBody !== normalizeForSearch(a.body ?? "")) problems.push(`article ${a.slug}: searchBody is stale`);
    expected.set(searchDocid("ARTICLE", a.id), { name: `article ${a.slug}`, title: a.searchHeadline ?? "", body: a.searchBody ?? "" });
  }
  for (const m of await rows<Record<string, string> & { id: number }>(db, `SELECT "id", "slug", "summaryAr", "summaryEn", "searchSummaryAr", "searchSummaryEn" FROM "Meeting"`)) {
    if (m.searchSummaryAr !== normalizeForSearch(m.summaryAr!)) problems.push(`meeting ${m.slug}: searchSummaryAr is stale`);
    if (m.searchSummaryEn !== normalizeForSearch(m.summaryEn!)) problems.push(`meeting ${m.slug}: searchSummaryEn is stale`);
    expected.set(searchDocid("MEETING", m.id), { name: `meeting ${m.slug}`, title: "", body: `${m.searchSummaryAr}\n${m.searchSummaryEn}` });
  }

  // Positions as stored: title 1..n (weight A), body from n + 2 (weight D, PostgreSQL's default).
  const indexed = new Map<number, Map<string, string>>();
  for (const { docid } of await rows<{ docid: number }>(db, `SELECT CAST("docid" AS float8) AS "docid" FROM "SearchIndex"`)) indexed.set(docid, new Map());
  const entries = await rows<{ docid: number; lexeme: string; positions: number[] | null; weights: string[] | null }>(
    db,
    `SELECT CAST(s."docid" AS float8) AS "docid", u."lexeme", u."positions", u."weights" FROM "SearchIndex" AS s CROSS JOIN LATERAL unnest(s."doc") AS u`,
  );
  for (const e of entries) {
    const doc = indexed.get(e.docid)!;
    // A lexeme without positions (only a hand-made tsvector has one) can match words but not phrases.
    if (!e.positions) doc.set(`?:${e.lexeme}`, e.lexeme);
    e.positions?.forEach((position, i) => {
      const key = `${e.weights?.[i] ?? "D"}${position}`;
      doc.set(key, doc.has(key) ? `${doc.get(key)}|${e.lexeme}` : e.lexeme);
    });
  }
  for (const [docid, want] of expected) {
    const got = indexed.get(docid);
    if (!got) {
      problems.push(`${want.name}: not in the index`);
      continue;
    }
    const title = tokens(want.title);
    const wanted = new Map<string, string>();
    title.forEach((token, i) => wanted.set(`A${i + 1}`, token));
    tokens(want.body).forEach((token, i) => wanted.set(`D${title.length + 2 + i}`, token));
    for (const [col, weight] of [["title", "A"], ["body", "D"]] as const) {
      const keys = new Set([...wanted.keys(), ...got.keys()]);
      if ([...keys].some((key) => key.startsWith(weight) && wanted.get(key) !== got.get(key))) problems.push(`${want.name}: indexed ${col} differs from its text`);
    }
    if ([...got.keys()].some((key) => !key.startsWith("A") && !key.startsWith("D"))) problems.push(`${want.name}: indexed with other weights or without positions`);
  }
  for (const docid of indexed.keys()) if (!expected.has(docid)) problems.push(`index document ${docid} belongs to no record`);
  return problems;
}
