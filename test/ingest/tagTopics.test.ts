import { describe, expect, it } from "vitest";
import { tagTopics } from "../../src/ingest/tagTopics.js";
import type { Gazetteer } from "../../src/ingest/types.js";

const gazetteer: Gazetteer = {
  actors: [],
  places: [],
  topics: [
    { slug: "cyber", keywordsAr: ["الأمن السيبراني"], keywordsEn: ["cybersecurity"] },
    { slug: "drugs", keywordsAr: ["مكافحة المخدرات", "المخدرات"], keywordsEn: [] },
  ],
};

describe("tagTopics", () => {
  it("tags a topic from a keyword behind clitics, citing the triggering sentence", () => {
    const text = "رحب الجانبان بالتعاون. وتعهد الوفد بالدعم في مجال بالأمن السيبراني للعراق.";
    const [tag] = tagTopics(text, "BODY", gazetteer);
    expect(tag).toMatchObject({ topic: "cyber", evidence: { quote: "وتعهد الوفد بالدعم في مجال بالأمن السيبراني للعراق." } });
    expect(text.slice(tag!.evidence.start, tag!.evidence.end)).toBe(tag!.evidence.quote);
  });

  it("tags each topic once and matches English keywords", () => {
    const tags = tagTopics("Talks on cybersecurity. المخدرات خطر. وتهريب المخدرات أيضا.", "BODY", gazetteer);
    expect(tags.map((t) => t.topic)).toEqual(["cyber", "drugs"]);
  });
});
