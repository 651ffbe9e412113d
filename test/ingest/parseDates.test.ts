import { describe, expect, it } from "vitest";
import { parseDates } from "../../src/ingest/parseDates.js";

const first = (text: string, publishedOn: string | null = null) => parseDates(text, publishedOn)[0]?.date;

describe("parseDates", () => {
  it("reads day, month and year in both month-name systems and both digit sets", () => {
    expect(first("وقع الاتفاق في 3 آذار 2021")).toMatchObject({ precision: "DAY", earliest: "2021-03-03", derivation: "STATED" });
    expect(first("في ١٥ تشرين الأول ٢٠٢٢ عقد")).toMatchObject({ precision: "DAY", earliest: "2022-10-15" });
    expect(first("الخميس 9 فبراير 2023")).toMatchObject({ precision: "DAY", earliest: "2023-02-09", weekday: "THURSDAY" });
  });

  it("keeps a month and year as a month", () => {
    expect(first("خلال شهر حزيران 2020")).toMatchObject({ precision: "MONTH", earliest: "2020-06-01", latest: "2020-06-30" });
  });

  it("resolves today and yesterday's weekday against the publication date", () => {
    // 2024-03-07 is a Thursday.
    expect(first("أعلن اليوم الخميس", "2024-03-07")).toMatchObject({ precision: "DAY", earliest: "2024-03-07", weekday: "THURSDAY", derivation: "WEEKDAY_CONTEXT" });
    expect(first("وصل مساء أمس الأربعاء", "2024-03-07")).toMatchObject({ earliest: "2024-03-06", weekday: "WEDNESDAY" });
  });

  it("records only the weekday when no publication date is given", () => {
    expect(first("أعلن اليوم الخميس")).toMatchObject({ precision: "RANGE", earliest: null, latest: null, weekday: "THURSDAY" });
  });

  it("quotes the expression verbatim", () => {
    const text = "وصل مساء أمس الأربعاء";
    const d = parseDates(text, null)[0]!;
    expect(text.slice(d.start, d.end)).toBe(d.date.text);
  });
});
