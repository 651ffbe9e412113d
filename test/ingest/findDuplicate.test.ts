import { describe, expect, it } from "vitest";
import { findDuplicate, jaccard, shingles } from "../../src/ingest/findDuplicate.js";

const stored = [
  { slug: "a", headline: null, body: "استقبل وزير الدفاع العراقي في بغداد اليوم الاثنين سفير مملكة السويد وبحث معه سبل تعزيز التعاون في مجال التدريب وتبادل الخبرات الأمنية بين البلدين." },
  { slug: "b", headline: null, body: "أعلنت وزارة الصحة افتتاح مستشفى جديد في محافظة البصرة بسعة مئتي سرير." },
];

describe("findDuplicate", () => {
  it("finds an exact copy whatever the whitespace", () => {
    expect(findDuplicate({ headline: null, body: `  ${stored[0]!.body.replace(/ /g, "  ")}` }, stored)).toEqual({ kind: "EXACT", slug: "a", similarity: 1 });
  });

  it("names the stored article a lightly edited copy repeats", () => {
    const edited = stored[0]!.body.replace("اليوم الاثنين", "الاثنين") + " وأكد الجانبان أهمية الاستمرار.";
    const d = findDuplicate({ headline: null, body: edited }, stored);
    expect(d?.kind).toBe("NEAR");
    expect(d?.slug).toBe("a");
  });

  it("does not refuse another outlet's own report of the same meeting", () => {
    const other = "بحث سفير السويد لدى العراق مع وزير الدفاع تطوير برامج التدريب المشتركة، بحسب بيان للسفارة.";
    expect(findDuplicate({ headline: null, body: other }, stored)).toBeNull();
  });

  it("compares shingles after normalisation (clitics, hamza, diacritics)", () => {
    expect(jaccard(shingles("إلى بغداد والناتو"), shingles("الى بغداد الناتو"))).toBe(1);
  });
});

describe("DuplicateIndex on a batch", () => {
  it("refuses a later copy of an earlier text in the same batch, naming it", async () => {
    const { DuplicateIndex } = await import("../../src/ingest/findDuplicate.js");
    const index = new DuplicateIndex(stored);
    const text = { headline: null, body: "التقى وزير النقل اليوم وفدا من شركة الموانئ لبحث توسعة ميناء الفاو الكبير وتطوير أرصفته الجديدة." };
    expect(index.find(text)).toBeNull();
    index.add({ slug: "batch:1", ...text });
    expect(index.find({ headline: null, body: `${text.body} ` })).toMatchObject({ kind: "EXACT", slug: "batch:1" });
  });
});

describe("throughput run", () => {
  it("ingests a synthetic batch, reporting progress for every article", async () => {
    const { measureThroughput } = await import("../../src/ingest/eval/measureThroughput.js");
    const seen: number[] = [];
    const t = measureThroughput(40, (_phase, done) => seen.push(done));
    expect(seen).toHaveLength(40);
    expect(t.proposed + t.duplicates).toBe(40);
    expect(t.proposed).toBeGreaterThan(0);
    expect(t.perSecond).toBeGreaterThan(0);
  });
});
