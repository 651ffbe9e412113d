import { describe, expect, it } from "vitest";
import { cleanArticle } from "../../src/ingest/cleanArticle.js";

describe("cleanArticle", () => {
  it("removes subscription prompts, comment headings and share lines, keeping them in the report", () => {
    const text = "اشترك في قناتنا على تلغرام ليصلك كل جديد\nاستقبل الوزير السفير في مكتبه ببغداد.\nشارك على فيسبوك\nالتعليقات";
    const c = cleanArticle(text);
    expect(c.body).toBe("استقبل الوزير السفير في مكتبه ببغداد.");
    expect(c.removedLines.map((r) => r.reason)).toEqual(["subscription prompt", "share line", "comments heading"]);
  });

  it("keeps a report sentence that merely mentions subscribing", () => {
    const c = cleanArticle("وأعلنت الوزارة أن العراق اشترك في المناورات البحرية هذا العام.");
    expect(c.removedLines).toEqual([]);
  });

  it("keeps a long paragraph even when it contains subscription words", () => {
    const paragraph = "وقال المتحدث إن العراق اشترك مع الشركاء في إطلاق قناة اتصال أمنية دائمة تتيح تبادل المعلومات بين الأجهزة المختصة على مدار الساعة لمواجهة التهديدات.";
    expect(cleanArticle(paragraph).removedLines).toEqual([]);
  });

  it("takes a short first line as headline and drops it when the page repeats it", () => {
    const c = cleanArticle("وزير الدفاع يلتقي سفير فنلندا\nوزير الدفاع يلتقي سفير فنلندا\nالتقى وزير الدفاع اليوم سفير فنلندا.");
    expect(c.headline).toBe("وزير الدفاع يلتقي سفير فنلندا");
    expect(c.body).toBe("التقى وزير الدفاع اليوم سفير فنلندا.");
    expect(c.removedLines).toEqual([{ line: "وزير الدفاع يلتقي سفير فنلندا", reason: "duplicated headline" }]);
  });

  it("reads a dateline or a finished sentence as body, not headline", () => {
    expect(cleanArticle("بغداد من مراسلنا: وصل الوفد\nالتفاصيل").headline).toBeNull();
    expect(cleanArticle("وصل الوفد إلى بغداد.\nالتفاصيل").headline).toBeNull();
  });
});

describe("cleanArticle on the seed texts", () => {
  it("finds the curated headline and boilerplate lines of every seed article", async () => {
    const { loadRecord } = await import("../../src/record/loadRecord.js");
    const { planRecord } = await import("../../src/record/planRecord.js");
    const raw = loadRecord();
    const plan = planRecord(raw);
    for (const record of raw.articles) {
      const data = record.data as { file: string; headline: string | null; boilerplate: string[] };
      const c = cleanArticle(record.original!);
      expect({ file: data.file, headline: c.headline, removed: c.removedLines.map((l) => l.line) }).toEqual({ file: data.file, headline: data.headline, removed: data.boilerplate });
      expect(c.body).toBe(plan.articles.find((a) => a.file === data.file)!.body);
    }
  });
});
