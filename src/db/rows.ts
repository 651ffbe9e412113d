/**
 * The read path's row types are Prisma's model types: Prisma owns the schema, so a column change
 * there breaks every resolver that reads it at compile time. Columns avoid DateTime, Boolean,
 * BigInt and Json so a raw SQLite row has exactly the model's shape.
 */
import type { Actor, Article, Meeting, Topic } from "../generated/prisma/client.js";

export type {
  ActorAlias as ActorAliasRow,
  Evidence as EvidenceRow,
  MeetingTopic as MeetingTopicRow,
  Mention as MentionRow,
  Participant as ParticipantRow,
  Place as PlaceRow,
  Position as PositionRow,
} from "../generated/prisma/client.js";

/*
 * Rows of the tables that carry full-text shadow columns leave them out: each holds the normalised
 * copy of a text (searchText, searchSummaryAr/En, searchHeadline, searchBody) that only the search
 * index reads, and decoding text into JavaScript strings is most of what a small indexed statement
 * costs (docs/performance.md). A column added in prisma/schema.prisma fails to compile below until
 * it is listed (or left out on purpose in the row type).
 */
export type ActorRow = Omit<Actor, "searchText">;
export type MeetingRow = Omit<Meeting, "searchSummaryAr" | "searchSummaryEn">;
export type TopicRow = Omit<Topic, "searchText">;

/**
 * An article as the read path loads it: also without its body. An article is mostly read for its
 * slug, headline and date (a meeting's sources, list pages), and its body is 1–4 KB of text;
 * `Article.body` and search snippets load it on demand (the `articleBody` loader).
 */
export type ArticleRow = Omit<Article, "searchHeadline" | "searchBody" | "body">;

/** True only when `List` names every column of `Row`. */
type Complete<Row, List extends readonly (keyof Row)[]> = Exclude<keyof Row, List[number]> extends never ? true : never;

const ACTOR_COLUMNS = ["id", "slug", "kind", "nameAr", "nameEn", "affiliationId", "wikidata"] as const satisfies readonly (keyof ActorRow)[];
const MEETING_COLUMNS = [
  "id", "slug", "kind", "placeId", "placeEvidenceId", "summaryEn", "summaryAr",
  "datePrecision", "dateEarliest", "dateLatest", "dateWeekday", "dateDerivation", "dateText", "dateNote", "dateSort",
] as const satisfies readonly (keyof MeetingRow)[];
const TOPIC_COLUMNS = ["id", "slug", "nameAr", "nameEn", "parentId", "plover", "keywordsAr", "keywordsEn"] as const satisfies readonly (keyof TopicRow)[];
const ARTICLE_COLUMNS = [
  "id", "slug", "publisherId", "publisherBasis", "headline", "language", "url", "contentHash", "removedLines",
  "datePrecision", "dateEarliest", "dateLatest", "dateWeekday", "dateDerivation", "dateText", "dateNote", "dateSort",
] as const satisfies readonly (keyof ArticleRow)[];
const complete: [
  Complete<ActorRow, typeof ACTOR_COLUMNS>,
  Complete<MeetingRow, typeof MEETING_COLUMNS>,
  Complete<TopicRow, typeof TOPIC_COLUMNS>,
  Complete<ArticleRow, typeof ARTICLE_COLUMNS>,
] = [true, true, true, true];
void complete;

/** A SELECT list per table and alias, built once: loaders are created per request. */
function selectList(columns: readonly string[]): (alias?: string) => string {
  const built = new Map<string, string>();
  return (alias = "") => {
    let list = built.get(alias);
    if (list === undefined) built.set(alias, (list = columns.map((column) => `${alias ? `${alias}.` : ""}"${column}"`).join(", ")));
    return list;
  };
}

/** The SELECT list of {@link ActorRow}, qualified by `alias` when given (`a."id", …`). */
export const actorColumns: (alias?: string) => string = selectList(ACTOR_COLUMNS);
/** The SELECT list of {@link MeetingRow}, qualified by `alias` when given. */
export const meetingColumns: (alias?: string) => string = selectList(MEETING_COLUMNS);
/** The SELECT list of {@link TopicRow}, qualified by `alias` when given. */
export const topicColumns: (alias?: string) => string = selectList(TOPIC_COLUMNS);
/** The SELECT list of {@link ArticleRow}, qualified by `alias` when given. */
export const articleColumns: (alias?: string) => string = selectList(ARTICLE_COLUMNS);
