import { describe, expect, it } from "vitest";
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, splitHighlightedSnippet, splitTextMatches } from "./highlight-snippet";

describe("splitHighlightedSnippet", () => {
  it("splits a ts_headline result into plain and matched parts", () => {
    expect(splitHighlightedSnippet(`our ${S}renewal${E} ${S}budget${E} is set`)).toEqual([
      { text: "our ", match: false },
      { text: "renewal", match: true },
      { text: " ", match: false },
      { text: "budget", match: true },
      { text: " is set", match: false },
    ]);
  });

  it("keeps markup as text and tolerates an unbalanced sentinel", () => {
    expect(splitHighlightedSnippet(`<img onerror=x> ${S}budget`)).toEqual([{ text: `<img onerror=x> ${S}budget`, match: false }]);
    expect(splitHighlightedSnippet("")).toEqual([]);
  });
});

describe("splitTextMatches", () => {
  it("finds every case-insensitive occurrence", () => {
    expect(splitTextMatches("Pricing and pricing.", "PRICING")).toEqual([
      { text: "Pricing", match: true },
      { text: " and ", match: false },
      { text: "pricing", match: true },
      { text: ".", match: false },
    ]);
    expect(splitTextMatches("abc", "  ")).toEqual([{ text: "abc", match: false }]);
  });
});
