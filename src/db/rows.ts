/**
 * The read path's row types are Prisma's model types: Prisma owns the schema, so a column change
 * there breaks every resolver that reads it at compile time. Columns avoid DateTime, Boolean,
 * BigInt and Json so a raw SQLite row has exactly the model's shape.
 */
import type { Article } from "../generated/prisma/client.js";

export type {
  Actor as ActorRow,
  ActorAlias as ActorAliasRow,
  Evidence as EvidenceRow,
  Meeting as MeetingRow,
  MeetingTopic as MeetingTopicRow,
  Mention as MentionRow,
  Participant as ParticipantRow,
  Place as PlaceRow,
  Position as PositionRow,
  Topic as TopicRow,
} from "../generated/prisma/client.js";

/**
 * An article as the read path loads it: without its body and without the full-text shadow copies
 * (searchHeadline, searchBody). Each of the three is as long as the article's text, and an
 * article is mostly listed for its slug, headline and date (an evidence's source, a list page):
 * SELECT * would decode every article's text three times over for nothing (docs/performance.md).
 * `Article.body` and search snippets load the body on demand (the `articleBody` loader).
 */
export type ArticleRow = Omit<Article, "searchHeadline" | "searchBody" | "body">;

const ARTICLE_COLUMN_LIST = [
  "id", "slug", "publisherId", "publisherBasis", "headline", "language", "url", "contentHash", "removedLines",
  "datePrecision", "dateEarliest", "dateLatest", "dateWeekday", "dateDerivation", "dateText", "dateNote", "dateSort",
] as const satisfies readonly (keyof ArticleRow)[];
// A column added to Article in prisma/schema.prisma fails to compile here until it is listed above.
const everyArticleColumn: Exclude<keyof ArticleRow, (typeof ARTICLE_COLUMN_LIST)[number]> extends never ? true : never = true;
void everyArticleColumn;

/** The SELECT list of {@link ArticleRow}, qualified by `alias` when given (`ar."id", …`). */
export function articleColumns(alias?: string): string {
  return ARTICLE_COLUMN_LIST.map((column) => `${alias ? `${alias}.` : ""}"${column}"`).join(", ");
}
