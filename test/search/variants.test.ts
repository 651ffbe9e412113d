import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../src/db/createPrisma.js";
import { createTestApi } from "../support/testApi.js";
import type { TestApi } from "../support/testApi.js";
import { migratedDatabase } from "../support/testDatabase.js";
import type { TestDatabase } from "../support/testDatabase.js";

// Each pair: a word as a text writes it, and a query. Every text is stored as its own article
// through Prisma (so the write path fills the index), then searched through the API.
const MUST_MATCH: [text: string, query: string, why: string][] = [
  ["الأعرجي", "الاعرجي", "hamza above alef ↔ bare alef"],
  ["إيران", "ايران", "hamza below alef ↔ bare alef"],
  ["الآثار", "الاثار", "alef madda ↔ bare alef"],
  ["ٱلمنظمة", "المنظمة", "alef wasla ↔ bare alef"],
  ["المنظمة", "المنظمه", "ta marbuta ↔ ha"],
  ["الأعرجى", "الأعرجي", "alef maqsura ↔ ya (Egyptian spelling)"],
  ["مصطفي", "مصطفى", "ya ↔ alef maqsura"],
  ["الأمـــنــي", "الأمني", "tatweel in the text"],
  ["السيبراني", "السيـــبراني", "tatweel in the query"],
  ["قَاسِمٌ", "قاسم", "harakat in the text"],
  ["مونش", "مُونْشُ", "harakat in the query"],
  ["الشَّمَّرِيّ", "الشمري", "shadda and kasra"],
  ["الناتو", "والناتو", "conjunction و on the query"],
  ["الناتو", "بالناتو", "بال on the query"],
  ["الناتو", "للناتو", "لل on the query"],
  ["الناتو", "فالناتو", "فال on the query"],
  ["الناتو", "كالناتو", "كال on the query"],
  ["الناتو", "وبالناتو", "و then بال on the query"],
  ["وللناتو", "الناتو", "و then لل on the text"],
  ["والعراق", "عراق", "a bare word finds its prefixed form"],
  ["ﺍﻟﻨﺎﺗﻮ", "الناتو", "presentation forms"],
  ["کردستان", "كردستان", "Persian kaf"],
  ["الأ\u200cعرجي", "الأعرجي", "zero-width non-joiner inside the word"],
  ["٢٠٢٣", "2023", "Arabic-Indic digits"],
  ["LOISEAU", "loiseau", "Latin case"],
  ["Türkiye", "turkiye", "Latin accents"],
  ["Qasim al-Araji", "Araji", "hyphen splits Latin words"],
  ["Qasim al-Araji", '"al araji"', "hyphenated text ↔ spaced phrase"],
  ["ʿAbd al-Amir", "abd", "transliteration ayn"],
  ["الأعرجي", "الأعر*", "explicit prefix"],
];

const MUST_NOT_MATCH: [text: string, query: string, why: string][] = [
  ["رئيس", "رييس", "hamza on ya is real spelling (ئ kept)"],
  ["مؤتمر", "موتمر", "hamza on waw is real spelling (ؤ kept)"],
  ["بغداد", "غداد", "no match inside a word"],
  ["السوداني", "السودان", "no suffix stripping: al-Sudani is not Sudan"],
  ["السودان", "السوداني", "…nor the other way"],
  ["الشمري", "الشمر", "a word is not its own prefix without *"],
  ["لبغداد", "بغداد", "a bare ل is never stripped (names start with it)"],
  ["بغداد", "ببغداد", "a bare ب is never stripped"],
  ["Araji", "Araj", "Latin words match whole without *"],
  ["قاسم محمد الأعرجي", '"قاسم الأعرجي"', "a phrase needs adjacent words"],
  ["الأعرجي", "ا*", "a one-letter prefix is refused, not expanded"],
];

let database: TestDatabase;
let api: TestApi;
const slugOf = new Map<string, string>();

beforeAll(async () => {
  database = migratedDatabase();
  const prisma = createPrisma(database.file);
  const texts = [...new Set([...MUST_MATCH, ...MUST_NOT_MATCH].map(([text]) => text))];
  texts.forEach((text, i) => slugOf.set(text, `variant-${i}`));
  await prisma.article.createMany({
    data: texts.map((text, i) => ({
      slug: `variant-${i}`,
      body: `نص تجريبي: ${text}.`,
      language: "ar",
      contentHash: `variant-${i}`,
      datePrecision: "DAY",
      dateDerivation: "STATED",
      dateSort: "2024-01-01",
    })),
  });
  await prisma.$disconnect();
  api = await createTestApi(database.file);
});
afterAll(async () => {
  await api.close();
  database.remove();
});

/** Whether searching `query` finds the article holding `text`; null when the query is refused. */
async function finds(text: string, query: string): Promise<boolean | null> {
  const { data, errors } = await api.run(`query ($query: String!) { search(query: $query, types: [ARTICLE], first: 100) { nodes { ... on Article { slug } } } }`, { query });
  if (errors) {
    expect(errors.map((e) => e.extensions.code)).toEqual(["BAD_USER_INPUT"]);
    return null;
  }
  return data!.search.nodes.some((n: any) => n.slug === slugOf.get(text));
}

describe("spelling variants", () => {
  it.each(MUST_MATCH)("%s is found by %s (%s)", async (text, query) => {
    expect(await finds(text, query)).toBe(true);
  });

  it.each(MUST_NOT_MATCH)("%s is not found by %s (%s)", async (text, query) => {
    expect(await finds(text, query)).not.toBe(true);
  });
});
