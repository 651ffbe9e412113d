import { describe, expect, it } from "vitest";
import { contentHash, storedText } from "../../src/record/storedText.js";

describe("storedText", () => {
  it("splits off the headline and removes boilerplate lines wherever they stand", () => {
    const text = "اشترك بقناتنا\nالعنوان\nالسطر الأول\n\n\n\nالسطر الثاني\nالتعليقات\n";
    expect(storedText(text, "العنوان", ["اشترك بقناتنا", "التعليقات"])).toEqual({
      headline: "العنوان",
      body: "السطر الأول\n\nالسطر الثاني",
      removedLines: ["اشترك بقناتنا", "التعليقات"],
    });
  });

  it("says what is wrong when the headline is not the first line", () => {
    expect(storedText("أولا\nثانيا", "ثانيا", [])).toBe('headline is not the first line of the text (first line: "أولا")');
  });

  it("says what is wrong when a boilerplate line is missing", () => {
    expect(storedText("نص", null, ["التعليقات"])).toBe('boilerplate line not found as a whole line of the file: "التعليقات"');
  });

  it("hashes the same text the same whatever its whitespace and line endings", () => {
    const a = storedText("العنوان\nنص  المقال", "العنوان", []);
    const b = storedText("العنوان\r\nنص المقال\r\n", "العنوان", []);
    const c = storedText("العنوان\nنص مقال آخر", "العنوان", []);
    if (typeof a === "string" || typeof b === "string" || typeof c === "string") throw new Error(String(a));
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).not.toBe(contentHash(c));
  });
});
