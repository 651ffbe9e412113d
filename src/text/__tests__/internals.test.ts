import { describe, expect, it } from "vitest";
import { clusterEnd } from "../clusterEnd.js";
import { foldCluster } from "../foldCluster.js";
import { isCombiningMark } from "../isCombiningMark.js";
import { wordRuns } from "../wordRuns.js";

describe("isCombiningMark", () => {
  it("recognises Arabic harakat, Latin accents and astral marks as combining marks", () => {
    expect([0x064e, 0x0651, 0x0670, 0x0301, 0x1d167].map(isCombiningMark)).toEqual([true, true, true, true, true]);
  });

  it("does not treat letters, tatweel, controls or digits as combining marks", () => {
    expect([0x0627, 0x0640, 0x200f, 0x0661, 0x41, 0x1d400].map(isCombiningMark)).toEqual([false, false, false, false, false, false]);
  });
});

describe("clusterEnd", () => {
  it("extends a cluster over every combining mark after its base", () => {
    expect(clusterEnd("بَّت", 0)).toBe(3);
  });

  it("counts a surrogate pair as one base", () => {
    expect(clusterEnd("𝐀\u0301b", 0)).toBe(3);
  });

  it("makes a run of marks without a base a cluster of its own", () => {
    expect(clusterEnd(" \u064e\u0651ب", 1)).toBe(3);
  });

  it("does not extend a cluster over tatweel or a bidi mark", () => {
    expect([clusterEnd("بـَ", 0), clusterEnd("ب\u200f", 0)]).toEqual([1, 1]);
  });
});

describe("foldCluster", () => {
  it("composes a decomposed hamza before folding, keeping ؤ but bare-alef-ing أ", () => {
    expect([foldCluster("و\u0654"), foldCluster("ا\u0654"), foldCluster("ي\u0654\u064f")]).toEqual(["ؤ", "ا", "ئ"]);
  });

  it("deletes a removed base together with its marks", () => {
    expect([foldCluster("ـَ"), foldCluster("\ufe70\u0651")]).toEqual(["", ""]);
  });

  it("gives the same answer from its cache as on first use", () => {
    const first = foldCluster("بَ");
    expect([first, foldCluster("بَ")]).toEqual(["ب", "ب"]);
  });
});

describe("wordRuns", () => {
  it("finds maximal runs of letters and digits in folded text", () => {
    expect(wordRuns("«قاسم» al-araji 2023م!")).toEqual([
      { start: 1, end: 5 },
      { start: 7, end: 9 },
      { start: 10, end: 15 },
      { start: 16, end: 21 },
    ]);
  });

  it("returns no runs for text without letters or digits", () => {
    expect(wordRuns(" «» - ، ")).toEqual([]);
  });
});
