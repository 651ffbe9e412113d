import type { PartialDateRow } from "../db/partialDate.js";

/** A located quote, ready to insert. */
export interface PlannedEvidence {
  article: string;
  field: "HEADLINE" | "BODY";
  start: number;
  end: number;
  quote: string;
}

/** A partial date as the record gives it: the same shape the API serves. */
export type PlannedDate = PartialDateRow;

export interface PlannedActor {
  slug: string;
  kind: string;
  nameAr: string;
  nameEn: string;
  affiliation: string | null;
  wikidata: string | null;
  searchText: string;
  aliases: { text: string; lang: "ar" | "en" }[];
  positions: {
    titleAr: string;
    titleEn: string;
    organisation: string | null;
    start: string | null;
    end: string | null;
    evidence: PlannedEvidence;
  }[];
}

export interface PlannedTopic {
  slug: string;
  nameAr: string;
  nameEn: string;
  parent: string | null;
  plover: string | null;
  keywordsAr: string[];
  keywordsEn: string[];
  searchText: string;
}

export interface PlannedPlace {
  slug: string;
  nameAr: string;
  nameEn: string;
  lat: number | null;
  lon: number | null;
  country: string | null;
}

export interface PlannedArticle {
  slug: string;
  file: string;
  publisher: string | null;
  publisherBasis: string | null;
  headline: string | null;
  body: string;
  language: string;
  url: string | null;
  contentHash: string;
  removedLines: string[];
  date: PlannedDate;
  mentions: { actor: string; field: "HEADLINE" | "BODY"; start: number; end: number; surface: string }[];
  topics: { topic: string; evidence: PlannedEvidence }[];
}

export interface PlannedMeeting {
  slug: string;
  kind: string;
  date: PlannedDate;
  place: string | null;
  placeEvidence: PlannedEvidence | null;
  summaryEn: string;
  summaryAr: string;
  sources: PlannedEvidence[];
  participants: { actor: string; role: string; representing: string | null; evidence: PlannedEvidence }[];
  topics: { topic: string; evidence: PlannedEvidence }[];
}

/**
 * The validated record, every quote located: what the seed writes. Pure data, so planning is
 * tested without a database and writing is a plain loop.
 */
export interface SeedPlan {
  actors: PlannedActor[];
  topics: PlannedTopic[];
  places: PlannedPlace[];
  articles: PlannedArticle[];
  meetings: PlannedMeeting[];
}
