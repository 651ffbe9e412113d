import { describe, expect, it } from "vitest";
import { linkActors } from "../../src/ingest/linkActors.js";
import type { Gazetteer } from "../../src/ingest/types.js";

const gazetteer: Gazetteer = {
  actors: [
    { slug: "karim-al-zubaidi", kind: "PERSON", names: ["كريم الزبيدي", "الزبيدي"] },
    { slug: "nato", kind: "INTERNATIONAL_ORGANISATION", names: ["الناتو", "حلف الناتو"] },
    { slug: "moi", kind: "ORGANISATION", names: ["وزارة الداخلية"] },
    { slug: "krg-moi", kind: "ORGANISATION", names: ["وزارة الداخلية في إقليم كردستان"] },
  ],
  topics: [],
  places: [],
};

const link = (text: string) => linkActors(text, "BODY", gazetteer).map((m) => [m.actor, text.slice(m.start, m.end)]);

describe("linkActors", () => {
  it("links names behind clitics, inside guillemets and in other spellings, with offsets into the text", () => {
    const text = "أكد «الزبيدى» أن العراق يثق بحلف الناتو وللناتو دور، وقال كريم الزبيدي ذلك.";
    expect(link(text)).toEqual([
      ["karim-al-zubaidi", "الزبيدى"],
      ["nato", "حلف الناتو"],
      ["nato", "للناتو"],
      ["karim-al-zubaidi", "كريم الزبيدي"],
    ]);
  });

  it("prefers the longer name where two overlap", () => {
    expect(link("وأعلنت وزارة الداخلية في إقليم كردستان")).toEqual([["krg-moi", "وزارة الداخلية في إقليم كردستان"]]);
  });

  it("does not match inside a longer word", () => {
    expect(link("الزبيديون والناتوي")).toEqual([]);
  });
});
