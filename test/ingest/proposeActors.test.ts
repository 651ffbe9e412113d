import { describe, expect, it } from "vitest";
import { proposeActors } from "../../src/ingest/proposeActors.js";

const propose = (text: string) => proposeActors(text, "BODY", []);

describe("proposeActors", () => {
  it("proposes a person introduced by a title, with the title as position", () => {
    const { actors } = propose("أكد وزير الدفاع العراقي ثابت العباسي، اليوم، أن التعاون مستمر.");
    const person = actors.find((a) => a.kind === "PERSON");
    expect(person).toMatchObject({ nameAr: "ثابت العباسي", position: "وزير الدفاع العراقي" });
    expect(person!.evidence.quote).toBe("وزير الدفاع العراقي ثابت العباسي");
  });

  it("follows a title, a comma and a rank to the name, and takes the organisation in the title as affiliation", () => {
    const { actors } = propose("واستقبل الوزير قائد بعثة الأمم المتحدة في العراق، الجنرال ماركو فيراري، في مكتبه.");
    const person = actors.find((a) => a.kind === "PERSON")!;
    expect(person.nameAr).toBe("ماركو فيراري");
    expect(person.position).toBe("قائد بعثة الأمم المتحدة في العراق");
    const org = actors.find((a) => a.key === person.affiliation)!;
    expect(org.nameAr).toBe("بعثة الأمم المتحدة في العراق");
  });

  it("proposes organisations from their head noun and stops at a conjunction", () => {
    const { actors } = propose("بحضور ممثلين عن وزارة العدل العراقية وهيئة النزاهة الاتحادية والمنظمات الدولية.");
    expect(actors.filter((a) => a.kind === "ORGANISATION").map((a) => a.nameAr)).toEqual(["وزارة العدل العراقية", "هيئة النزاهة الاتحادية"]);
  });

  it("names an organisation without its attached clitic, quoting it as written", () => {
    const text = "وشارك في مؤتمر للتحالف العالمي لمكافحة الفساد ووزارة العدل العراقية.";
    const orgs = propose(text).actors.filter((a) => a.kind === "ORGANISATION");
    expect(orgs.map((o) => [o.nameAr, o.evidence.quote])).toEqual([
      ["التحالف العالمي", "للتحالف العالمي"],
      ["وزارة العدل العراقية", "وزارة العدل العراقية"],
    ]);
  });

  it("links a later bare surname to the full name", () => {
    const text = "التقى نائب الأمين العام للحلف رياض الجبوري بالوفد. وقال الجبوري إن اللقاء مثمر.";
    const { actors, mentions } = propose(text);
    const person = actors.find((a) => a.kind === "PERSON")!;
    expect(person.position).toBe("نائب الأمين العام للحلف");
    expect(mentions.filter((m) => m.actor === person.key).map((m) => m.quote)).toEqual(["رياض الجبوري", "الجبوري"]);
  });

  it("does not take the rest of the sentence as part of a name", () => {
    const { actors } = propose("وأشار الأدميرال هانس مولر تعزيز التعاون.");
    expect(actors.map((a) => a.nameAr)).toEqual(["هانس مولر"]);
  });

  it("does not read two words running on after a title as a name", () => {
    expect(propose("ودعا قائد القوات المشتركة إلى دعم جهود تأمين حدود البلاد.").actors.filter((a) => a.kind === "PERSON")).toEqual([]);
    expect(propose("وبحث مع قائد القوات المشتركة تأمين حدود بلاده من الإرهاب").actors.filter((a) => a.kind === "PERSON")).toEqual([]);
  });

  it("proposes nothing over a span the gazetteer already links", () => {
    const text = "أكد وزير الدفاع ثابت العباسي";
    const known = [{ field: "BODY" as const, start: 16, end: 28, quote: "ثابت العباسي", actor: "thabit", known: true, confidence: 1 }];
    expect(proposeActors(text, "BODY", known).actors.filter((a) => a.kind === "PERSON")).toEqual([]);
  });
});
