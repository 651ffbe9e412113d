import type { SqlReader } from "../db/Sql.js";
import type { StoredArticleText } from "./findDuplicate.js";
import type { KnownMeeting } from "./matchKnownMeeting.js";
import type { Gazetteer } from "./types.js";

/**
 * The gazetteer as the database holds it: each actor's Arabic name and Arabic aliases (aliases
 * come from the curated mentions, nominal references excluded), topic keywords, place names.
 */
export async function loadGazetteer(db: SqlReader): Promise<Gazetteer> {
  const actors = (await db.all(`SELECT id, slug, kind, nameAr FROM "Actor"`)) as { id: number; slug: string; kind: string; nameAr: string }[];
  const aliases = (await db.all(`SELECT actorId, text FROM "ActorAlias" WHERE lang = 'ar'`)) as { actorId: number; text: string }[];
  const byActor = new Map<number, string[]>();
  for (const a of aliases) byActor.set(a.actorId, [...(byActor.get(a.actorId) ?? []), a.text]);
  const topics = (await db.all(`SELECT slug, keywordsAr, keywordsEn FROM "Topic"`)) as { slug: string; keywordsAr: string; keywordsEn: string }[];
  const places = (await db.all(`SELECT slug, nameAr FROM "Place"`)) as { slug: string; nameAr: string }[];
  return {
    actors: actors.map((a) => ({ slug: a.slug, kind: a.kind, names: [...new Set([a.nameAr, ...(byActor.get(a.id) ?? [])])] })),
    topics: topics.map((t) => ({ slug: t.slug, keywordsAr: JSON.parse(t.keywordsAr) as string[], keywordsEn: JSON.parse(t.keywordsEn) as string[] })),
    places: places.map((p) => ({ slug: p.slug, names: [p.nameAr] })),
  };
}

/** Stored article texts, for duplicate detection. */
export function loadStoredArticles(db: SqlReader): Promise<StoredArticleText[]> {
  return db.all<StoredArticleText>(`SELECT slug, headline, body FROM "Article"`);
}

/** Recorded meetings with their participants, for same-meeting recognition. */
export async function loadKnownMeetings(db: SqlReader): Promise<KnownMeeting[]> {
  const meetings = (await db.all(
    `SELECT m.id, m.slug, p.slug AS place, m.datePrecision, m.dateEarliest, m.dateLatest, m.dateWeekday, m.dateDerivation, m.dateText, m.dateNote
       FROM "Meeting" m LEFT JOIN "Place" p ON p.id = m.placeId`,
  )) as { id: number; slug: string; place: string | null; datePrecision: string; dateEarliest: string | null; dateLatest: string | null; dateWeekday: string | null; dateDerivation: string; dateText: string | null; dateNote: string | null }[];
  const participants = (await db.all(`SELECT pa.meetingId, a.slug FROM "Participant" pa JOIN "Actor" a ON a.id = pa.actorId`)) as { meetingId: number; slug: string }[];
  return meetings.map((m) => ({
    slug: m.slug,
    place: m.place,
    participants: [...new Set(participants.filter((p) => p.meetingId === m.id).map((p) => p.slug))],
    date: { precision: m.datePrecision, earliest: m.dateEarliest, latest: m.dateLatest, weekday: m.dateWeekday, derivation: m.dateDerivation, text: m.dateText, note: m.dateNote },
  }));
}
