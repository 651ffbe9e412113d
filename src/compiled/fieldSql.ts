import type { Loaders } from "../loaders/createLoaders.js";
import type { PagedChildren } from "../loaders/pagedChildren.js";
import type { PageArgs } from "../db/pagination.js";
import type { JsonDialect } from "./jsonDialect.js";

/**
 * How compiled reads (src/compiled) produce one field of an object type in SQL, next to its
 * resolver: each entry must give exactly what the resolver and its loader give, in the same order
 * (test/compiled checks both paths answer alike). `a` is the SQL alias of the parent row, `c` a
 * fresh alias for the child rows.
 */
export type FieldSql =
  /** A scalar or enum value of the parent row. */
  | { kind: "value"; sql: (a: string, json: JsonDialect) => string }
  /** An object made of the parent row's own columns (PartialDate). */
  | { kind: "embedded" }
  /** An object of `table` whose id the parent row holds (null when the key is null). */
  | { kind: "one"; table: string; key: string }
  /** A list: the FROM clause binding `c` (joins allowed), the WHERE tying it to `a`, the ORDER BY. */
  | { kind: "many"; from: (a: string, c: string) => string; where: (a: string, c: string) => string; order: (c: string) => string }
  /** A connection, paged by the loader the resolver uses; only compiled under a single root object. */
  | { kind: "page"; table: string; children: (loaders: Loaders, args: Record<string, unknown>) => PagedChildren<unknown> };

const column = (name: string): FieldSql => ({ kind: "value", sql: (a) => `${a}."${name}"` });
const jsonColumn = (name: string): FieldSql => ({ kind: "value", sql: (a, json) => json.json(`${a}."${name}"`) });
const globalId = (type: string): FieldSql => ({ kind: "value", sql: (a, json) => json.globalId(type, `${a}."id"`) });
const one = (table: string, key: string): FieldSql => ({ kind: "one", table, key });
const childrenOf = (table: string, key: string, order: (c: string) => string): FieldSql => ({
  kind: "many",
  from: (_a, c) => `"${table}" ${c}`,
  where: (a, c) => `${c}."${key}" = ${a}."id"`,
  order,
});

/** The child list the resolver's `include…` argument picks; the SDL's defaults arrive already applied. */
const page = (table: string, children: (loaders: Loaders, args: Record<string, unknown>) => PagedChildren<unknown>): FieldSql => ({
  kind: "page",
  table,
  children,
});

/** Per object type, the fields compiled reads can produce; a field not listed falls back to the resolvers. */
export const FIELD_SQL: Readonly<Record<string, Readonly<Record<string, FieldSql>>>> = {
  Actor: {
    id: globalId("Actor"),
    slug: column("slug"),
    kind: column("kind"),
    nameAr: column("nameAr"),
    nameEn: column("nameEn"),
    wikidata: column("wikidata"),
    aliases: childrenOf("ActorAlias", "actorId", (c) => `${c}."lang", ${c}."id"`),
    affiliation: one("Actor", "affiliationId"),
    affiliates: childrenOf("Actor", "affiliationId", (c) => `${c}."slug"`),
    positions: childrenOf("Position", "actorId", (c) => `COALESCE(${c}."startDate", ''), ${c}."id"`),
    mentions: childrenOf("Mention", "actorId", (c) => `${c}."articleId", ${c}."field" DESC, ${c}."start", ${c}."end", ${c}."id"`),
    meetings: page("Meeting", (loaders, args) => (args.includeAffiliates ? loaders.meetingsOfActorAndAffiliates : loaders.meetingsOfActor)),
    articles: page("Article", (loaders) => loaders.articlesOfActor),
  },
  Alias: {
    text: column("text"),
    language: { kind: "value", sql: (a) => `upper(${a}."lang")` },
  },
  Position: {
    titleAr: column("titleAr"),
    titleEn: column("titleEn"),
    organisation: one("Actor", "organisationId"),
    start: column("startDate"),
    end: column("endDate"),
    evidence: one("Evidence", "evidenceId"),
  },
  Evidence: {
    article: one("Article", "articleId"),
    quote: column("quote"),
    field: column("field"),
    start: column("start"),
    end: column("end"),
  },
  PartialDate: {
    precision: column("datePrecision"),
    earliest: column("dateEarliest"),
    latest: column("dateLatest"),
    weekday: column("dateWeekday"),
    text: column("dateText"),
    derivation: column("dateDerivation"),
    note: column("dateNote"),
  },
  Article: {
    id: globalId("Article"),
    slug: column("slug"),
    headline: column("headline"),
    body: column("body"),
    publisher: one("Actor", "publisherId"),
    publisherBasis: column("publisherBasis"),
    language: column("language"),
    url: column("url"),
    date: { kind: "embedded" },
    contentHash: column("contentHash"),
    removedLines: jsonColumn("removedLines"),
    mentions: childrenOf("Mention", "articleId", (c) => `${c}."field" DESC, ${c}."start", ${c}."end", ${c}."id"`),
    meetings: {
      kind: "many",
      from: (a, c) => `(SELECT DISTINCT ${c}e."articleId", ${c}s."meetingId" FROM "MeetingSource" ${c}s JOIN "Evidence" ${c}e ON ${c}e."id" = ${c}s."evidenceId"
        WHERE ${c}e."articleId" = ${a}."id") ${c}x JOIN "Meeting" ${c} ON ${c}."id" = ${c}x."meetingId"`,
      where: () => "TRUE",
      order: (c) => `${c}."dateSort", ${c}."id"`,
    },
    topics: {
      kind: "many",
      // As the topicsOfArticle loader: a meeting's topic links first, in link order, then the article's own.
      from: (a, c) => `(SELECT "topicId", MIN("rank") AS "rank" FROM (
          SELECT ${c}t."topicId", ${c}t."id" AS "rank" FROM "MeetingTopic" ${c}t JOIN "Evidence" ${c}e ON ${c}e."id" = ${c}t."evidenceId" WHERE ${c}e."articleId" = ${a}."id"
          UNION ALL SELECT ${c}a."topicId", 1000000000 + ${c}a."id" FROM "ArticleTopic" ${c}a WHERE ${c}a."articleId" = ${a}."id") ${c}u
        GROUP BY "topicId") ${c}x JOIN "Topic" ${c} ON ${c}."id" = ${c}x."topicId"`,
      where: () => "TRUE",
      order: (c) => `${c}x."rank"`,
    },
  },
  Mention: {
    actor: one("Actor", "actorId"),
    article: one("Article", "articleId"),
    surface: column("surface"),
    field: column("field"),
    start: column("start"),
    end: column("end"),
  },
  Meeting: {
    id: globalId("Meeting"),
    slug: column("slug"),
    kind: column("kind"),
    date: { kind: "embedded" },
    place: one("Place", "placeId"),
    placeEvidence: one("Evidence", "placeEvidenceId"),
    summaryEn: column("summaryEn"),
    summaryAr: column("summaryAr"),
    participants: childrenOf("Participant", "meetingId", (c) => `${c}."id"`),
    topics: {
      kind: "many",
      // Each topic once, where its first link puts it (as Meeting.topics de-duplicates the links).
      from: (a, c) => `(SELECT "topicId", MIN("id") AS "rank" FROM "MeetingTopic" WHERE "meetingId" = ${a}."id" GROUP BY "topicId") ${c}x
        JOIN "Topic" ${c} ON ${c}."id" = ${c}x."topicId"`,
      where: () => "TRUE",
      order: (c) => `${c}x."rank"`,
    },
    topicEvidence: childrenOf("MeetingTopic", "meetingId", (c) => `${c}."id"`),
    sources: {
      kind: "many",
      from: (_a, c) => `"MeetingSource" ${c}s JOIN "Evidence" ${c} ON ${c}."id" = ${c}s."evidenceId"`,
      where: (a, c) => `${c}s."meetingId" = ${a}."id"`,
      order: (c) => `${c}s."id"`,
    },
  },
  Participant: {
    actor: one("Actor", "actorId"),
    role: column("role"),
    representing: one("Actor", "representingId"),
    evidence: one("Evidence", "evidenceId"),
  },
  TopicEvidence: {
    topic: one("Topic", "topicId"),
    evidence: one("Evidence", "evidenceId"),
  },
  Topic: {
    id: globalId("Topic"),
    slug: column("slug"),
    nameAr: column("nameAr"),
    nameEn: column("nameEn"),
    plover: column("plover"),
    parent: one("Topic", "parentId"),
    children: childrenOf("Topic", "parentId", (c) => `${c}."id"`),
    keywordsAr: jsonColumn("keywordsAr"),
    keywordsEn: jsonColumn("keywordsEn"),
    meetings: page("Meeting", (loaders, args) => (args.includeSubtopics === false ? loaders.meetingsOfTopic : loaders.meetingsOfTopicAndSubtopics)),
    articles: page("Article", (loaders, args) => (args.includeSubtopics === false ? loaders.articlesOfTopic : loaders.articlesOfTopicAndSubtopics)),
  },
  // latitude and longitude are left to the resolvers: SQLite writes a REAL with 15 significant
  // digits, JavaScript with as many as it takes to read back the same number.
  Place: {
    id: globalId("Place"),
    slug: column("slug"),
    nameAr: column("nameAr"),
    nameEn: column("nameEn"),
    country: one("Actor", "countryId"),
    meetings: page("Meeting", (loaders) => loaders.meetingsOfPlace),
  },
};

/** The page arguments of a connection field's arguments. */
export function pageArgsOf(args: Record<string, unknown>): PageArgs {
  return { first: args.first as number | null, after: args.after as string | null, last: args.last as number | null, before: args.before as string | null };
}
