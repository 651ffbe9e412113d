import { describe, expect, it } from "vitest";
import { findSurface } from "../../src/record/findSurface.js";

const spans = (text: string, surface: string) => findSurface(text, surface).map(({ start, end }) => text.slice(start, end));

describe("findSurface", () => {
  it("finds a name standing alone or in guillemets", () => {
    expect(spans("أكد «الأعرجي» أن الأعرجي", "الأعرجي")).toEqual(["الأعرجي", "الأعرجي"]);
  });

  it("finds a name behind attached clitics, spanning only the name", () => {
    expect(spans("والناتو وبالناتو فالناتو", "الناتو")).toEqual(["الناتو", "الناتو", "الناتو"]);
  });

  it("finds ل + ال written لل, spanning the fused word", () => {
    expect(spans("قدم الدعم للعراق وللعراق", "العراق")).toEqual(["للعراق", "للعراق"]);
  });

  it("does not match inside a longer word", () => {
    expect(spans("الحكومة العراقية والعراقيين", "العراق")).toEqual([]);
    expect(spans("مستشارية الأمن", "مستشار")).toEqual([]);
  });

  it("does not take other letters in front of a name for clitics", () => {
    expect(spans("تالناتو", "الناتو")).toEqual([]);
  });
});
