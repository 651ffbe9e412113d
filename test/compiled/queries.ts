import { OPERATIONS } from "../../bench/load/ops.js";
import { toGlobalId } from "../../src/ids/globalId.js";
import type { Fixture } from "./fixture.js";
import { MERGED_ACTOR_ID, MERGED_ACTOR_SLUG } from "./trickyDatabase.js";

/** One read operation, run through compiled reads and through graphql-js; both must answer alike. */
export interface ReadCase {
  name: string;
  /** The document; a function for the few cases that write a slug as a literal. */
  query: string | ((f: Fixture) => string);
  variables?: (f: Fixture) => Record<string, unknown>;
  /** Picks one operation of a document that holds several. */
  operationName?: string;
  /** Compiled reads must answer this one (not fall back to the resolvers). */
  expectCompiled?: true;
  /** The answer has errors (checked on the graphql-js side, so a typo in a case cannot pass as one). */
  expectErrors?: true;
}

const DATE = "date { __typename precision earliest latest weekday text derivation note }";
const EVIDENCE = "__typename quote field start end article { slug headline }";
const PAGE_INFO = "pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }";
const slug = (f: Fixture) => ({ slug: f.actor });
/** One document with three operations, run twice with different names: plans are per operation. */
const THREE_OPERATIONS = `query One($slug: String!) { actor(slug: $slug) { slug } }
  query Two($slug: String!) { actor(slug: $slug) { nameEn meetings(first: 1) { totalCount } } }
  query Three { meetings(first: 1) { nodes { slug } } }`;

export const READ_CASES: ReadCase[] = [
  // ------------------------------------------------------------------ the benchmark's operations
  { name: "bench actorPositions", query: OPERATIONS.actorPositions, variables: slug, expectCompiled: true },
  { name: "bench actorMeetings", query: OPERATIONS.actorMeetings, variables: slug, expectCompiled: true },
  {
    name: "bench meetingsByTopic",
    query: OPERATIONS.meetingsByTopic,
    variables: (f) => ({ topic: f.topic, from: f.from, to: f.to }),
    expectCompiled: true,
  },
  { name: "bench actorMeetings, another actor (same document)", query: OPERATIONS.actorMeetings, variables: (f) => ({ slug: f.partner }), expectCompiled: true },
  { name: "bench articleMentions", query: OPERATIONS.articleMentions, variables: (f) => ({ slug: f.article }), expectCompiled: true },
  { name: "bench deepPage", query: OPERATIONS.deepPage, variables: (f) => ({ after: f.cursors.meetings }), expectCompiled: true },

  // ------------------------------------------------------------------ Actor
  {
    name: "actor scalars by slug",
    query: `query($slug: String!) { actor(slug: $slug) { __typename id slug kind nameAr nameEn wikidata } }`,
    variables: slug,
    expectCompiled: true,
  },
  {
    name: "actor aliases, positions, affiliation, affiliates, mentions",
    query: `query($slug: String!) { actor(slug: $slug) { slug
      aliases { __typename text language }
      positions { __typename titleAr titleEn start end organisation { slug kind nameAr } evidence { ${EVIDENCE} } }
      affiliation { __typename slug nameEn affiliation { slug } }
      affiliates { slug kind }
      mentions { __typename surface field start end article { slug } actor { slug } } } }`,
    variables: slug,
    expectCompiled: true,
  },
  {
    name: "actor with field aliases",
    query: `query($slug: String!) { actor(slug: $slug) { key: slug name: nameEn arabic: nameAr type: kind
      names: aliases { t: text l: language } boss: affiliation { s: slug } } }`,
    variables: slug,
    expectCompiled: true,
  },
  {
    name: "organisation affiliates two levels down",
    query: `query($slug: String!) { actor(slug: $slug) { slug wikidata affiliation { slug } affiliates { slug kind affiliation { slug } affiliates { slug } } } }`,
    variables: (f) => ({ slug: f.org }),
  },
  {
    name: "actor meetings page with totalCount",
    query: `query($slug: String!) { actor(slug: $slug) { meetings(first: 10) { edges { cursor node { slug } } pageInfo { hasNextPage endCursor } totalCount } } }`,
    variables: slug,
    expectCompiled: true,
  },
  {
    name: "actor meetings after a cursor",
    query: `query($slug: String!, $after: String) { actor(slug: $slug) { slug meetings(first: 2, after: $after) { totalCount edges { cursor node { slug ${DATE} } } ${PAGE_INFO} } } }`,
    variables: (f) => ({ slug: f.actor, after: f.cursors.actorMeetings }),
  },
  {
    name: "actor meetings backwards (last, then last before)",
    query: `query($slug: String!, $before: String!) { actor(slug: $slug) {
      tail: meetings(last: 2) { edges { cursor node { slug } } ${PAGE_INFO} }
      beforeSecond: meetings(last: 1, before: $before) { edges { cursor node { slug } } ${PAGE_INFO} } } }`,
    variables: (f) => ({ slug: f.actor, before: f.cursors.actorMeetings }),
  },
  {
    name: "organisation meetings with affiliates",
    query: `query($slug: String!) { actor(slug: $slug) { slug
      own: meetings(first: 5) { totalCount nodes { slug } }
      all: meetings(includeAffiliates: true, first: 5) { totalCount edges { cursor node { slug kind } } ${PAGE_INFO} } } }`,
    variables: (f) => ({ slug: f.org }),
  },
  {
    name: "actor articles page and next page",
    query: `query($slug: String!, $after: String) { actor(slug: $slug) {
      articles(first: 3) { totalCount nodes { slug headline ${DATE} } ${PAGE_INFO} }
      next: articles(first: 3, after: $after) { edges { cursor node { slug } } ${PAGE_INFO} } } }`,
    variables: (f) => ({ slug: f.actor, after: f.cursors.actorArticles }),
  },
  {
    name: "actor counterparts",
    query: `query($slug: String!) { actor(slug: $slug) {
      counterparts { __typename meetingCount actor { slug } meetings { slug } }
      wide: counterparts(includeAffiliates: true) { meetingCount actor { slug } } } }`,
    variables: (f) => ({ slug: f.org }),
  },
  { name: "actor by global id", query: `query($id: ID!) { actor(id: $id) { id slug nameEn } }`, variables: (f) => ({ id: f.ids.actor }) },
  { name: "actor by literal slug", query: (f) => `{ actor(slug: "${f.actor}") { slug kind positions { titleEn } } }` },
  { name: "actor unknown slug is null", query: `query($slug: String!) { actor(slug: $slug) { slug } }`, variables: () => ({ slug: "no-such-actor" }) },
  { name: "actor unknown Arabic slug is null", query: `{ actor(slug: "قاسم-الأعرجي") { slug nameAr } }` },
  // A redirect only trickyDatabase holds: null elsewhere.
  { name: "actor by a merged-away slug", query: `{ actor(slug: "${MERGED_ACTOR_SLUG}") { slug nameEn meetings(first: 1) { totalCount } } }` },
  {
    name: "actor by a merged-away id",
    query: `query($id: ID!) { actor(id: $id) { slug } node(id: $id) { ... on Actor { slug } } }`,
    variables: () => ({ id: toGlobalId("Actor", MERGED_ACTOR_ID) }),
  },
  { name: "actor slug in upper case is null", query: `{ actor(slug: "QASIM-AL-ARAJI") { slug } }` },
  { name: "actor slug with SQL quotes is null", query: `{ actor(slug: "x' OR '1'='1") { slug } meeting(slug: "\\\"; --") { slug } }` },
  { name: "actor unknown id is null", query: `query($id: ID!) { actor(id: $id) { slug } }`, variables: (f) => ({ id: f.missingActorId }) },
  { name: "actor asked with an article's id is null", query: `query($id: ID!) { actor(id: $id) { slug } }`, variables: (f) => ({ id: f.ids.article }) },

  // ------------------------------------------------------------------ Article and Mention
  {
    name: "article by slug, every field but topics",
    query: `query($slug: String!) { article(slug: $slug) { __typename id slug headline body publisher { slug nameEn } publisherBasis language url
      ${DATE} contentHash removedLines
      mentions { __typename surface field start end actor { slug nameAr } article { slug } }
      meetings { slug kind ${DATE} } } }`,
    variables: (f) => ({ slug: f.article }),
    expectCompiled: true,
  },
  {
    name: "article topics",
    query: `query($slug: String!) { article(slug: $slug) { slug topics { __typename slug nameEn parent { slug } } } }`,
    variables: (f) => ({ slug: f.article }),
  },
  {
    name: "article without publisher",
    query: `query($slug: String!) { article(slug: $slug) { slug headline url publisher { slug } publisherBasis removedLines ${DATE} meetings { slug } topics { slug } } }`,
    variables: (f) => ({ slug: f.plainArticle }),
  },
  {
    name: "article mentions of one actor",
    query: `query($slug: String!, $actor: ID!) { article(slug: $slug) { slug mentions(actor: $actor) { surface start end } all: mentions { start } } }`,
    variables: (f) => ({ slug: f.article, actor: f.actor }),
  },
  { name: "article by global id", query: `query($id: ID!) { article(id: $id) { id slug language contentHash } }`, variables: (f) => ({ id: f.ids.article }) },

  // ------------------------------------------------------------------ Meeting, Participant, TopicEvidence, Evidence, PartialDate
  {
    name: "meeting by slug, every field but coordinates",
    query: `query($slug: String!) { meeting(slug: $slug) { __typename id slug kind ${DATE}
      place { __typename id slug nameAr nameEn country { slug } }
      placeEvidence { ${EVIDENCE} }
      summaryEn summaryAr
      participants { __typename role actor { slug nameAr } representing { slug } evidence { ${EVIDENCE} } }
      topics { __typename slug nameAr }
      topicEvidence { __typename topic { slug } evidence { quote start end } }
      sources { ${EVIDENCE} } } }`,
    variables: (f) => ({ slug: f.meeting }),
    expectCompiled: true,
  },
  {
    name: "meeting without a place",
    query: `query($slug: String!) { meeting(slug: $slug) { slug ${DATE} place { slug } placeEvidence { quote } participants { role representing { slug } } } }`,
    variables: (f) => ({ slug: f.placelessMeeting }),
  },
  {
    name: "meeting place coordinates",
    query: `query($slug: String!) { meeting(slug: $slug) { slug place { slug latitude longitude } } }`,
    variables: (f) => ({ slug: f.meeting }),
  },
  { name: "meeting by global id", query: `query($id: ID!) { meeting(id: $id) { id slug kind summaryEn } }`, variables: (f) => ({ id: f.ids.meeting }) },
  {
    name: "evidence's article, deep",
    query: `query($slug: String!) { meeting(slug: $slug) { sources { article { slug publisher { slug affiliation { slug } } ${DATE} } } } }`,
    variables: (f) => ({ slug: f.meeting }),
  },

  // ------------------------------------------------------------------ Topic
  {
    name: "topic scalars and tree",
    query: `query($slug: String!) { topic(slug: $slug) { __typename id slug nameAr nameEn plover parent { slug } children { slug plover parent { slug } children { slug } } keywordsAr keywordsEn } }`,
    variables: (f) => ({ slug: f.topic }),
  },
  {
    name: "subtopic with parent",
    query: `query($slug: String!) { topic(slug: $slug) { slug parent { slug nameEn parent { slug } } children { slug } keywordsEn } }`,
    variables: (f) => ({ slug: f.subtopic }),
  },
  {
    name: "topic meetings, with and without subtopics",
    query: `query($slug: String!) { topic(slug: $slug) {
      meetings(first: 3) { totalCount edges { cursor node { slug } } ${PAGE_INFO} }
      own: meetings(includeSubtopics: false, first: 5) { totalCount nodes { slug } } } }`,
    variables: (f) => ({ slug: f.topic }),
  },
  {
    name: "topic meetings after a cursor",
    query: `query($slug: String!, $after: String!) { topic(slug: $slug) { meetings(first: 2, after: $after) { totalCount edges { cursor node { slug } } ${PAGE_INFO} } } }`,
    variables: (f) => ({ slug: f.topic, after: f.cursors.topicMeetings }),
  },
  {
    name: "topic articles, with and without subtopics",
    query: `query($slug: String!) { topic(slug: $slug) {
      articles(first: 3) { totalCount nodes { slug } ${PAGE_INFO} }
      own: articles(includeSubtopics: false, last: 2) { totalCount edges { cursor node { slug } } } } }`,
    variables: (f) => ({ slug: f.subtopic }),
  },
  { name: "topic by global id", query: `query($id: ID!) { topic(id: $id) { id slug children { id } } }`, variables: (f) => ({ id: f.ids.topic }) },
  { name: "topics root list", query: `{ topics { slug nameEn children { slug } } }` },

  // ------------------------------------------------------------------ Place
  {
    name: "place scalars",
    query: `query($slug: String!) { place(slug: $slug) { __typename id slug nameAr nameEn country { slug kind } } }`,
    variables: (f) => ({ slug: f.place }),
  },
  { name: "place coordinates", query: `query($slug: String!) { place(slug: $slug) { slug latitude longitude } }`, variables: (f) => ({ slug: f.place }) },
  {
    name: "place meetings and next page",
    query: `query($slug: String!, $after: String!) { place(slug: $slug) {
      meetings(first: 2) { totalCount edges { cursor node { slug ${DATE} } } ${PAGE_INFO} }
      next: meetings(first: 2, after: $after) { edges { cursor node { slug } } ${PAGE_INFO} } } }`,
    variables: (f) => ({ slug: f.place, after: f.cursors.placeMeetings }),
  },
  { name: "place by global id", query: `query($id: ID!) { place(id: $id) { id slug nameEn } }`, variables: (f) => ({ id: f.ids.place }) },
  { name: "places list", query: `{ places { slug nameEn latitude longitude country { slug } } }` },

  // ------------------------------------------------------------------ root connections
  {
    name: "meetings first page, all connection fields",
    query: `{ meetings(first: 4) { __typename totalCount nodes { slug } edges { __typename cursor node { id slug kind } } ${PAGE_INFO} } }`,
  },
  {
    name: "meetings by topic and dates, first and after",
    query: `query($topic: ID!, $from: Date!, $to: Date!, $after: String) {
      page1: meetings(first: 2, filter: { topic: $topic, from: $from, to: $to }) { totalCount edges { cursor node { slug } } ${PAGE_INFO} }
      page2: meetings(first: 2, after: $after, filter: { topic: $topic, from: $from, to: $to }) { edges { cursor node { slug } } ${PAGE_INFO} } }`,
    variables: (f) => ({ topic: f.topic, from: f.from, to: f.to, after: f.cursors.meetings }),
    expectCompiled: true,
  },
  {
    name: "meetings DATE_DESC last 3",
    query: `{ meetings(orderBy: DATE_DESC, last: 3) { totalCount edges { cursor node { slug date { earliest latest } } } ${PAGE_INFO} } }`,
    expectCompiled: true,
  },
  {
    name: "meetings DATE_DESC after a cursor",
    query: `query($after: String!) { meetings(orderBy: DATE_DESC, first: 3, after: $after) { edges { cursor node { slug } } ${PAGE_INFO} } }`,
    variables: (f) => ({ after: f.cursors.meetingsDesc }),
  },
  {
    name: "meetings last before a cursor",
    query: `query($before: String!) { meetings(last: 2, before: $before) { edges { cursor node { slug } } ${PAGE_INFO} } }`,
    variables: (f) => ({ before: f.cursors.meetingsBefore }),
  },
  { name: "meetings first 0", query: `{ meetings(first: 0) { totalCount edges { cursor } nodes { slug } ${PAGE_INFO} } }` },
  { name: "meetings default page size", query: `{ meetings { totalCount nodes { slug } pageInfo { hasNextPage endCursor } } }` },
  {
    name: "meetings of an actor, with affiliates",
    query: `query($org: ID!, $actor: ID!) {
      own: meetings(filter: { actor: $actor }) { totalCount nodes { slug } }
      wide: meetings(filter: { actor: $org, includeAffiliates: true }, first: 5) { totalCount edges { cursor node { slug } } ${PAGE_INFO} } }`,
    variables: (f) => ({ org: f.org, actor: f.ids.actor }),
  },
  {
    name: "meetings with all these participants",
    query: `query($ids: [ID!]) { meetings(filter: { participants: $ids }) { totalCount nodes { slug participants { actor { slug } } } } }`,
    variables: (f) => ({ ids: [f.actor, f.partner] }),
  },
  {
    name: "meetings at a place, of a kind",
    query: `query($place: ID!) { atPlace: meetings(filter: { place: $place }) { totalCount nodes { slug kind } }
      kind: meetings(filter: { place: $place, kind: MEETING }, orderBy: DATE_DESC) { totalCount nodes { slug } } }`,
    variables: (f) => ({ place: f.ids.place }),
  },
  {
    name: "meetings by topic only, and topic from a day",
    query: `query($topic: ID!, $from: Date!) { all: meetings(filter: { topic: $topic }, first: 5) { totalCount nodes { slug } pageInfo { hasNextPage } }
      since: meetings(filter: { topic: $topic, from: $from }) { totalCount nodes { slug } } }`,
    variables: (f) => ({ topic: f.subtopic, from: f.from }),
  },
  {
    name: "meetings in a date window, descending",
    query: `query($from: Date, $to: Date) { meetings(filter: { from: $from, to: $to }, orderBy: DATE_DESC, first: 5) { totalCount edges { cursor node { slug } } ${PAGE_INFO} } }`,
    variables: (f) => ({ from: f.from, to: f.to }),
  },
  {
    name: "meetings of an unknown topic are empty",
    query: `{ meetings(filter: { topic: "no-such-topic" }) { totalCount edges { cursor } nodes { slug } ${PAGE_INFO} } }`,
  },
  {
    name: "actors first 5",
    query: `{ actors(first: 5) { totalCount edges { cursor node { slug kind nameEn } } ${PAGE_INFO} } }`,
    expectCompiled: true,
  },
  {
    name: "actors after a cursor, by kind",
    query: `query($after: String!) { next: actors(first: 5, after: $after) { edges { cursor node { slug } } ${PAGE_INFO} }
      people: actors(filter: { kind: PERSON }, last: 3) { totalCount nodes { slug positions { titleEn } } ${PAGE_INFO} } }`,
    variables: (f) => ({ after: f.cursors.actors }),
  },
  {
    name: "actors by Arabic search",
    query: `query($q: String!) { actors(filter: { search: $q }) { totalCount nodes { slug nameAr aliases { text } } } }`,
    variables: (f) => ({ q: f.actorSearch }),
  },
  {
    name: "articles first 5",
    query: `{ articles(first: 5) { totalCount edges { cursor node { slug headline date { earliest latest } publisher { slug } } } pageInfo { hasNextPage endCursor } } }`,
    expectCompiled: true,
  },
  {
    name: "articles after a cursor and backwards",
    query: `query($after: String!) { next: articles(first: 2, after: $after) { edges { cursor node { slug } } ${PAGE_INFO} }
      tail: articles(last: 2) { edges { cursor node { slug } } ${PAGE_INFO} } }`,
    variables: (f) => ({ after: f.cursors.articles }),
  },
  {
    name: "articles filtered by actor, topic, publisher, dates",
    query: `query($actor: ID!, $topic: ID!, $from: Date!, $to: Date!, $publisher: ID!) {
      byActor: articles(filter: { actor: $actor }) { totalCount nodes { slug } }
      byTopic: articles(filter: { topic: $topic, from: $from, to: $to }) { totalCount nodes { slug } }
      byPublisher: articles(filter: { publisher: $publisher }) { totalCount nodes { slug publisher { slug } } } }`,
    variables: (f) => ({ actor: f.actor, topic: f.ids.topic, from: f.from, to: f.to, publisher: f.publisher }),
  },
  {
    name: "articles by Arabic search",
    query: `query($q: String!) { articles(filter: { search: $q }, first: 5) { totalCount nodes { slug headline } pageInfo { hasNextPage endCursor } } }`,
    variables: (f) => ({ q: f.articleSearch }),
  },
  {
    name: "search",
    query: `query($q: String!) { search(query: $q, first: 3) { totalCount edges { cursor node { __typename ... on Actor { slug } ... on Article { slug } } } } }`,
    variables: (f) => ({ q: f.actorSearch }),
  },

  // ------------------------------------------------------------------ connections inside lists
  {
    name: "participants' meetings inside a meeting list",
    query: `{ meetings(first: 3) { edges { node { slug participants { role actor { slug meetings(first: 1) { totalCount edges { node { slug } } } } } } } } }`,
  },
  { name: "topic meetings inside the topics list", query: `{ topics { slug meetings(first: 2) { totalCount nodes { slug } } } }` },
  {
    name: "affiliates' meetings inside one actor",
    query: `query($slug: String!) { actor(slug: $slug) { slug affiliates { slug meetings(first: 1) { totalCount nodes { slug } } } } }`,
    variables: (f) => ({ slug: f.org }),
  },
  {
    name: "participants' articles inside one meeting",
    query: `query($slug: String!) { meeting(slug: $slug) { participants { actor { slug articles(first: 1) { totalCount nodes { slug } } } } } }`,
    variables: (f) => ({ slug: f.meeting }),
  },
  {
    name: "place meetings inside the places list",
    query: `{ places { slug meetings(last: 1) { totalCount edges { cursor node { slug } } } } }`,
  },

  // ------------------------------------------------------------------ selections: aliases, merging, fragments, directives
  {
    name: "same field twice with different arguments",
    query: `query($actor: String!, $org: String!) {
      a: actor(slug: $actor) { slug one: meetings(first: 1) { edges { node { slug } } } two: meetings(first: 2) { totalCount edges { cursor } } }
      b: actor(slug: $org) { slug }
      first: meetings(first: 1) { nodes { slug } }
      desc: meetings(first: 1, orderBy: DATE_DESC) { nodes { slug } } }`,
    variables: (f) => ({ actor: f.actor, org: f.org }),
  },
  {
    // graphql-js pages both actors with one batched statement (ROW_NUMBER per parent), compiled reads one each.
    name: "two actors paging meetings alike",
    query: `query($a: String!, $b: String!) { a: actor(slug: $a) { slug meetings(first: 2) { totalCount edges { cursor node { slug } } ${PAGE_INFO} } }
      b: actor(slug: $b) { slug meetings(first: 2) { totalCount edges { cursor node { slug } } ${PAGE_INFO} } } }`,
    variables: (f) => ({ a: f.actor, b: f.partner }),
  },
  {
    name: "field merging",
    query: `query($slug: String!) {
      actor(slug: $slug) { slug affiliation { slug } meetings(first: 2) { edges { cursor } } }
      actor(slug: $slug) { kind affiliation { kind } meetings(first: 2) { edges { node { slug } } totalCount } } }`,
    variables: slug,
  },
  {
    name: "named fragments, nested and repeated",
    query: `query($slug: String!) { actor(slug: $slug) { ...Names ...Names affiliation { ...Names } positions { ...Post } } }
      fragment Names on Actor { slug nameEn ...Kind }
      fragment Kind on Actor { kind }
      fragment Post on Position { titleEn evidence { quote } }`,
    variables: slug,
  },
  {
    name: "inline fragments, typed and untyped, on an interface",
    query: `query($slug: String!) { actor(slug: $slug) { ... on Actor { slug } ... { kind } ... on Node { id } affiliation { ... on Node { id } } } }`,
    variables: slug,
  },
  {
    name: "fragments on a connection and its edges",
    query: `{ meetings(first: 2) { ...Conn } }
      fragment Conn on MeetingConnection { totalCount edges { ...Edge } pageInfo { ...Info } }
      fragment Edge on MeetingEdge { cursor node { slug ... on Meeting { kind } } }
      fragment Info on PageInfo { hasNextPage endCursor }`,
  },
  {
    name: "__typename at every level",
    query: `query($slug: String!) { __typename actor(slug: $slug) { __typename slug aliases { __typename } positions { __typename evidence { __typename article { __typename } } }
      meetings(first: 2) { __typename edges { __typename node { __typename date { __typename } } } pageInfo { __typename } } }
      meetings(first: 1) { __typename nodes { __typename participants { __typename } topicEvidence { __typename } } } }`,
    variables: slug,
  },
  {
    name: "@include and @skip with literals",
    query: `query($slug: String!) { actor(slug: $slug) { slug nameEn @skip(if: true) nameAr @include(if: true) kind @include(if: false)
      aliases @skip(if: false) { text } ... on Actor @include(if: false) { wikidata } } }`,
    variables: slug,
  },
  {
    name: "@include and @skip with variables",
    query: `query($slug: String!, $yes: Boolean!, $no: Boolean!) { actor(slug: $slug) { slug nameEn @skip(if: $yes) nameAr @include(if: $yes)
      kind @include(if: $no) meetings(first: 1) @skip(if: $no) { totalCount } } }`,
    variables: (f) => ({ slug: f.actor, yes: true, no: false }),
  },
  {
    name: "fragment skipped, then spread again",
    query: `query($slug: String!) { actor(slug: $slug) { ...F @skip(if: true) nameAr ...F } } fragment F on Actor { slug kind }`,
    variables: slug,
  },
  { name: "every root field skipped", query: `{ actor(slug: "x") @skip(if: true) { slug } __typename @include(if: false) }` },
  {
    name: "connection in a fragment, between scalars",
    query: `query($slug: String!) { actor(slug: $slug) { slug ...M nameEn articles(first: 1) { totalCount } kind } }
      fragment M on Actor { meetings(first: 1) { totalCount nodes { slug } } }`,
    variables: slug,
  },
  {
    name: "aliases named like other fields",
    query: `query($slug: String!) { actor(slug: $slug) { slug: nameEn nameEn: slug kind: __typename __typename: kind } }`,
    variables: slug,
  },
  {
    name: "edge node twice under aliases",
    query: `{ meetings(first: 2) { edges { a: node { slug } cursor b: node { kind date { earliest } } } n1: nodes { id } n2: nodes { slug } } }`,
  },
  {
    name: "connections asking only __typename or totalCount",
    query: `query($slug: String!, $topic: ID!) { meetings(first: 2) { __typename } counted: meetings(filter: { topic: $topic }) { totalCount }
      actor(slug: $slug) { meetings(first: 1) { __typename } articles { totalCount } } }`,
    variables: (f) => ({ slug: f.actor, topic: f.topic }),
  },
  {
    name: "variable defaults and explicit nulls",
    query: `query($first: Int = 2, $order: MeetingOrder, $inc: Boolean, $aff: Boolean, $slug: String!, $topic: String!) {
      meetings(first: $first, orderBy: $order) { nodes { slug } }
      topic(slug: $topic) { meetings(includeSubtopics: $inc, first: $first) { totalCount } }
      actor(slug: $slug) { meetings(includeAffiliates: $aff, first: $first, after: null) { totalCount nodes { slug } } } }`,
    variables: (f) => ({ order: null, inc: null, aff: null, slug: f.actor, topic: f.topic }),
  },
  {
    name: "past the last page, and pages of 0",
    query: `query($after: String!) { meetings(first: 5, after: $after) { totalCount edges { cursor } ${PAGE_INFO} }
      articles(last: 0) { totalCount nodes { slug } ${PAGE_INFO} } }`,
    variables: (f) => ({ after: f.cursors.meetingsLast }),
  },
  { name: "a full page of 100 actors", query: `{ actors(first: 100) { totalCount nodes { slug kind nameAr } pageInfo { hasNextPage endCursor } } }` },
  {
    name: "several root fields",
    query: `query($actor: String!, $meeting: String!, $article: String!, $topic: String!, $place: String!) {
      actor(slug: $actor) { slug }
      meeting(slug: $meeting) { slug place { slug } }
      article(slug: $article) { slug }
      topic(slug: $topic) { slug }
      place(slug: $place) { slug }
      meetings(first: 2) { nodes { slug } }
      actors(first: 2) { nodes { slug } }
      articles(first: 2) { nodes { slug } } }`,
    variables: (f) => ({ actor: f.actor, meeting: f.meeting, article: f.article, topic: f.topic, place: f.place }),
  },
  {
    name: "operationName picks the second of three",
    query: THREE_OPERATIONS,
    variables: slug,
    operationName: "Two",
  },
  {
    // The document of the case above again: a plan kept per document must still be per operation.
    name: "operationName picks the third of three, same document",
    query: THREE_OPERATIONS,
    variables: slug,
    operationName: "Three",
  },
  {
    name: "operationName picks a query beside a fragment",
    query: `query Actor($slug: String!) { actor(slug: $slug) { ...F } }
      query Meetings { meetings(first: 2) { nodes { slug } } }
      fragment F on Actor { slug kind }`,
    operationName: "Meetings",
  },

  // ------------------------------------------------------------------ node, nodes
  {
    name: "node of each type",
    query: `query($actor: ID!, $meeting: ID!, $article: ID!, $topic: ID!, $place: ID!) {
      a: node(id: $actor) { __typename id ... on Actor { slug } }
      m: node(id: $meeting) { __typename id ... on Meeting { slug } }
      r: node(id: $article) { __typename ... on Article { slug } }
      t: node(id: $topic) { __typename ... on Topic { slug } }
      p: node(id: $place) { __typename ... on Place { slug } } }`,
    variables: (f) => ({ actor: f.ids.actor, meeting: f.ids.meeting, article: f.ids.article, topic: f.ids.topic, place: f.ids.place }),
  },
  {
    name: "nodes in order, unknown as null",
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Actor { slug } ... on Meeting { slug } } }`,
    variables: (f) => ({ ids: [f.ids.meeting, f.missingActorId, f.ids.actor, f.ids.place] }),
  },

  // ------------------------------------------------------------------ errors
  { name: "error: first 1000", query: `{ meetings(first: 1000) { nodes { slug } } }`, expectErrors: true },
  {
    name: "error: first 1000 on a child connection",
    query: `query($slug: String!) { actor(slug: $slug) { slug meetings(first: 1000) { totalCount } } }`,
    variables: slug,
    expectErrors: true,
  },
  { name: "error: forged cursor", query: `{ meetings(first: 2, after: "xyz") { nodes { slug } } }`, expectErrors: true },
  {
    name: "error: forged cursor on a child connection",
    query: `query($slug: String!) { actor(slug: $slug) { slug articles(after: "xyz") { totalCount } } }`,
    variables: slug,
    expectErrors: true,
  },
  { name: "error: first and last at once", query: `{ actors(first: 2, last: 2) { nodes { slug } } }`, expectErrors: true },
  { name: "error: negative first", query: `{ articles(first: -1) { nodes { slug } } }`, expectErrors: true },
  {
    name: "error: both id and slug",
    query: `query($id: ID!, $slug: String!) { actor(id: $id, slug: $slug) { slug } }`,
    variables: (f) => ({ id: f.ids.actor, slug: f.actor }),
    expectErrors: true,
  },
  { name: "error: neither id nor slug", query: `{ meeting { slug } }`, expectErrors: true },
  { name: "error: malformed global id", query: `{ actor(id: "not-an-id") { slug } }`, expectErrors: true },
  { name: "error: malformed id in node", query: `{ node(id: "Actor:1") { id } }`, expectErrors: true },
  {
    name: "error: Date variable 2023-02-30",
    query: `query($from: Date!) { meetings(filter: { from: $from }) { nodes { slug } } }`,
    variables: () => ({ from: "2023-02-30" }),
    expectErrors: true,
  },
  { name: "error: Date literal 2023-02-30", query: `{ meetings(filter: { to: "2023-02-30" }) { nodes { slug } } }`, expectErrors: true },
  { name: "error: missing required variable", query: `query($slug: String!) { actor(slug: $slug) { slug } }`, expectErrors: true },
  { name: "error: malformed filter reference", query: `{ meetings(filter: { actor: "Qasim Al-Araji!" }) { nodes { slug } } }`, expectErrors: true },
  {
    name: "error: filter id of another type",
    query: `query($id: ID!) { meetings(filter: { topic: $id }) { nodes { slug } } }`,
    variables: (f) => ({ id: f.ids.actor }),
    expectErrors: true,
  },
  { name: "error: unclosed quote in a search filter", query: `{ actors(filter: { search: "\\"الأعرجي" }) { nodes { slug } } }`, expectErrors: true },
  {
    name: "error: one nullable root field fails, the other answers",
    query: `query($slug: String!) { good: actor(slug: $slug) { slug } bad: actor(id: "not-an-id") { slug } }`,
    variables: slug,
    expectErrors: true,
  },
  {
    name: "error: a non-null root connection fails",
    query: `query($slug: String!) { actor(slug: $slug) { slug } meetings(first: 101) { nodes { slug } } }`,
    variables: slug,
    expectErrors: true,
  },
];
