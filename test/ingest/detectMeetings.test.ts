import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/ingest/extractArticle.js";
import type { Gazetteer } from "../../src/ingest/types.js";

const gazetteer: Gazetteer = {
  actors: [
    { slug: "karim-al-zubaidi", kind: "PERSON", names: ["كريم الزبيدي", "الزبيدي"] },
    { slug: "iraq", kind: "STATE", names: ["العراق"] },
  ],
  topics: [],
  places: [{ slug: "baghdad", names: ["بغداد"] }, { slug: "brussels", names: ["بروكسل"] }],
};

const meetings = (text: string, publishedOn: string | null = null) =>
  extractArticle(text, gazetteer, publishedOn).meetings.map((m) => ({ kind: m.kind, roles: m.participants.map((p) => `${p.role}:${p.actor}`), place: m.place, day: m.date?.earliest ?? null }));

describe("detectMeetings", () => {
  it("finds host and visitor around a reporting verb, with place and the weekday resolved", () => {
    const text = "استقبل مستشار الأمن الوطني كريم الزبيدي في بغداد، اليوم الاثنين، سفير الدنمارك السيد يوهان لارسن.";
    expect(meetings(text, "2024-03-04")).toEqual([{ kind: "MEETING", roles: ["HOST:karim-al-zubaidi", "VISITOR:new:يوهان-لارسن"], place: "baghdad", day: "2024-03-04" }]);
  });

  it("reads a meeting noun with لـ host and مع visitor", () => {
    const text = "وخلال اجتماع لوزير الدفاع العراقي ثابت العباسي في بروكسل مع نائب الأمين العام للحلف الجنرال هانس مولر، بحث الجانبان التدريب.";
    expect(meetings(text)).toEqual([{ kind: "MEETING", roles: ["HOST:new:ثابت-العباسي", "VISITOR:new:هانس-مولر"], place: "brussels", day: null }]);
  });

  it("reads a phone call and a sideline meeting", () => {
    expect(meetings("أجرى كريم الزبيدي اتصالا هاتفيا مع وزير الخارجية التركي أحمد يلدز.")[0]?.kind).toBe("CALL");
    expect(meetings("والتقى كريم الزبيدي على هامش مؤتمر ميونخ للأمن وزير الدفاع الألماني كلاوس برغر.")[0]?.kind).toBe("SIDELINE_MEETING");
  });

  it("needs two participants: a statement by one person is no meeting", () => {
    expect(meetings("وأكد كريم الزبيدي خلال الاجتماع أهمية التعاون مع العراق.")).toEqual([]);
  });

  it("merges the headline and the body reporting one meeting", () => {
    const text = "الزبيدي يستقبل السفير يوهان لارسن\nاستقبل كريم الزبيدي السفير يوهان لارسن في بغداد.";
    expect(extractArticle(text, gazetteer).meetings).toHaveLength(1);
  });
});
