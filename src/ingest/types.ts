import type { PartialDateRow } from "../db/partialDate.js";

/** Which stored field a span lies in; offsets are UTF-16 indexes into that field. */
export type Field = "HEADLINE" | "BODY";

/** A verbatim quote: `text(field).slice(start, end) === quote`. */
export interface Quote {
  field: Field;
  start: number;
  end: number;
  quote: string;
}

/** What the pipeline knows before reading an article: the record's names, topics and places. */
export interface Gazetteer {
  /** `names`: Arabic names and surface forms (never nominal references such as "الوزير"). */
  actors: { slug: string; kind: string; names: string[] }[];
  topics: { slug: string; keywordsAr: string[]; keywordsEn: string[] }[];
  places: { slug: string; names: string[] }[];
}

/** One occurrence of an actor: known (`actor` is a slug) or proposed (`actor` is a proposal key). */
export interface MentionProposal extends Quote {
  actor: string;
  known: boolean;
  confidence: number;
}

/** A person or organisation the record does not hold yet. */
export interface NewActorProposal {
  /** Stable within the article: `new:` + the folded name. */
  key: string;
  kind: "PERSON" | "ORGANISATION";
  nameAr: string;
  /** Title or rank that introduced a person ("وزير الداخلية العراقي"), as a proposed position. */
  position: string | null;
  /** Slug or proposal key of the nearest organisation named with the title. */
  affiliation: string | null;
  evidence: Quote;
  confidence: number;
}

export type DateProposal = PartialDateRow;

export interface ParticipantProposal {
  actor: string;
  role: "HOST" | "VISITOR" | "PRESENT";
  evidence: Quote;
}

export interface MeetingProposal {
  kind: "MEETING" | "SIDELINE_MEETING" | "CALL" | "DELEGATION_VISIT" | "CEREMONY" | "CONFERENCE";
  /** The reporting verb or noun that signalled the meeting. */
  trigger: string;
  participants: ParticipantProposal[];
  place: string | null;
  placeEvidence: Quote | null;
  date: DateProposal | null;
  evidence: Quote;
  confidence: number;
}

export interface TopicProposal {
  topic: string;
  keyword: string;
  /** The sentence that triggered the tag. */
  evidence: Quote;
  confidence: number;
}
