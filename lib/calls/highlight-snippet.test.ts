import { describe, expect, it } from "vitest";
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, chooseFindTerm, splitHighlightedSnippet, splitTextMatches } from "./highlight-snippet";

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

describe("chooseFindTerm", () => {
  it("carries the query as typed when the sentence holds it, without the search syntax", () => {
    expect(chooseFindTerm('"security questionnaire"', `send the ${S}security${E} ${S}questionnaire${E} first`)).toBe("security questionnaire");
    expect(chooseFindTerm("Pricing -discount", `${S}pricing${E} starts at forty`)).toBe("Pricing");
  });

  it("falls back to the sentence's first run of matched words when the words were stemmed or apart", () => {
    expect(chooseFindTerm("pricing", `it is ${S}priced${E} per seat, ${S}priced${E} yearly`)).toBe("priced");
    expect(chooseFindTerm("renewal budget", `the ${S}budget${E} for the ${S}renewal${E}`)).toBe("budget");
    expect(chooseFindTerm("security review", `a ${S}security${E} - ${S}reviews${E} done`)).toBe("security - reviews");
    expect(chooseFindTerm("nothing", "no marks at all")).toBe("nothing");
  });
});
