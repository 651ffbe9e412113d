import type { Database } from "better-sqlite3";
import { normalizeForSearch } from "../text/index.js";
import { searchDocid } from "./searchKinds.js";

interface Expected {
  title: string;
  body: string;
}

const tokens = (text: string) => text.split(/\s+/u).filter((t) => t.length > 0);
const lines = (values: readonly (string | null)[]) => new Set(values.map((v) => normalizeForSearch(v ?? "")).filter((v) => v.length > 0));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((v) => b.has(v));

/**
 * Checks, from scratch, that the full-text index says exactly what the record's text says:
 * 1. every shadow column equals the normaliser's output for its source text (names and aliases
 *    for actors, names and keywords for topics, compared as sets of lines);
 * 2. "SearchIndex" holds one document per actor, article, meeting and topic and no other, and
 *    each document's tokens, position by position (read back through an fts5vocab table), are
 *    those of its shadow columns.
 * Returns the problems found, empty when consistent. Reads everything: meant for tests and
 * maintenance, not for a request.
 */
export function verifySearchIndex(db: Database): string[] {
  const problems: string[] = [];
  const expected = new Map<number, Expected & { name: string }>();

  const aliases = new Map<number, string[]>();
  for (const a of db.prepare(`SELECT actorId, text FROM "ActorAlias"`).all() as { actorId: number; text: string }[]) {
    aliases.set(a.actorId, [...(aliases.get(a.actorId) ?? []), a.text]);
  }
  for (const a of db.prepare(`SELECT id, slug, nameAr, nameEn, searchText FROM "Actor"`).all() as { id: number; slug: string; nameAr: string; nameEn: string; searchText: string }[]) {
    if (!sameSet(new Set(a.searchText.split("\n").filter((l) => l)), lines([a.nameAr, a.nameEn, ...(aliases.get(a.id) ?? [])]))) {
      problems.push(`actor ${a.slug}: searchText is not the normalised names and aliases`);
    }
    expected.set(searchDocid("ACTOR", a.id), { name: `actor ${a.slug}`, title: a.searchText, body: "" });
  }
  for (const t of db.prepare(`SELECT id, slug, nameAr, nameEn, keywordsAr, keywordsEn, searchText FROM "Topic"`).all() as Record<string, string>[]) {
    const names = [t.nameAr!, t.nameEn!, ...(JSON.parse(t.keywordsAr!) as string[]), ...(JSON.parse(t.keywordsEn!) as string[])];
    if (!sameSet(new Set(t.searchText!.split("\n").filter((l) => l)), lines(names))) problems.push(`topic ${t.slug}: searchText is not the normalised names and keywords`);
    expected.set(searchDocid("TOPIC", Number(t.id)), { name: `topic ${t.slug}`, title: t.searchText!, body: "" });
  }
  for (const a of db.prepare(`SELECT id, slug, headline, body, searchHeadline, searchBody FROM "Article"`).all() as Record<string, string | null>[]) {
    if (a.searchHeadline !== normalizeForSearch(a.headline ?? "")) problems.push(`article ${a.slug}: searchHeadline is stale`);
    if (a.searchBody !== normalizeForSearch(a.body ?? "")) problems.push(`article ${a.slug}: searchBody is stale`);
    expected.set(searchDocid("ARTICLE", Number(a.id)), { name: `article ${a.slug}`, title: a.searchHeadline ?? "", body: a.searchBody ?? "" });
  }
  for (const m of db.prepare(`SELECT id, slug, summaryAr, summaryEn, searchSummaryAr, searchSummaryEn FROM "Meeting"`).all() as Record<string, string>[]) {
    if (m.searchSummaryAr !== normalizeForSearch(m.summaryAr!)) problems.push(`meeting ${m.slug}: searchSummaryAr is stale`);
    if (m.searchSummaryEn !== normalizeForSearch(m.summaryEn!)) problems.push(`meeting ${m.slug}: searchSummaryEn is stale`);
    expected.set(searchDocid("MEETING", Number(m.id)), { name: `meeting ${m.slug}`, title: "", body: `${m.searchSummaryAr}\n${m.searchSummaryEn}` });
  }

  const indexed = new Map<number, { title: string[]; body: string[] }>();
  for (const { rowid } of db.prepare(`SELECT rowid FROM "SearchIndex"`).all() as { rowid: number }[]) indexed.set(rowid, { title: [], body: [] });
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp."SearchIndexInstances" USING fts5vocab(main, 'SearchIndex', 'instance')`);
  try {
    for (const i of db.prepare(`SELECT term, doc, col, offset FROM temp."SearchIndexInstances"`).all() as { term: string; doc: number; col: "title" | "body"; offset: number }[]) {
      const doc = indexed.get(i.doc) ?? { title: [], body: [] };
      doc[i.col][i.offset] = i.term;
      indexed.set(i.doc, doc);
    }
  } finally {
    db.exec(`DROP TABLE IF EXISTS temp."SearchIndexInstances"`);
  }
  for (const [docid, want] of expected) {
    const got = indexed.get(docid);
    if (!got) {
      problems.push(`${want.name}: not in the index`);
      continue;
    }
    for (const col of ["title", "body"] as const) {
      if (got[col].join(" ") !== tokens(want[col]).join(" ")) problems.push(`${want.name}: indexed ${col} differs from its text`);
    }
  }
  for (const docid of indexed.keys()) if (!expected.has(docid)) problems.push(`index document ${docid} belongs to no record`);
  return problems;
}
