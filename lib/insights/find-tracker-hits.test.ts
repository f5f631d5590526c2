import { describe, expect, it } from "vitest";
import { buildSentences } from "./__fixtures__/build-sentences";
import { findTrackerHits } from "./find-tracker-hits";

const { sentences } = buildSentences([
  ["rep", 0, 5, "Are you comparing us with Gong or with Chorus?"], // 0: gong, chorus
  ["buyer", 6, 9, "We demoed GONG last week, and Chorus.ai too."], // 1: gong, chorus (".ai" ends at a word boundary)
  ["buyer", 10, 12, "Gongs and choruses are not competitors."], // 2: no hit (plural forms are other words)
  ["rep", 13, 15, "Our price   tag is lower than Salesforce CPQ."], // 3: "price tag" across spaces, "salesforce cpq" once
  ["buyer", 16, 18, "Salesforce is our CRM."], // 4: salesforce
  [null, 19, 20, "The budget, budget and more budget."], // 5: three budget hits
]);

describe("findTrackerHits", () => {
  it("finds every keyword as whole words, case-insensitively, longest keyword first", () => {
    const [competitors, pricing] = findTrackerHits(sentences, [
      { id: "t1", name: "Competitors", keywords: ["Gong", "chorus", "Salesforce", "Salesforce  CPQ", " "] },
      { id: "t2", name: "Pricing", keywords: ["price tag", "budget", "BUDGET"] },
    ]);
    expect(competitors?.hits.map((hit) => [hit.keyword, hit.segmentIndex])).toEqual([
      ["gong", 0], ["chorus", 0], ["gong", 1], ["chorus", 1], ["salesforce cpq", 3], ["salesforce", 4],
    ]);
    expect(competitors?.count).toBe(6);
    expect(pricing?.hits.map((hit) => [hit.keyword, hit.segmentIndex])).toEqual([
      ["price tag", 3], ["budget", 5], ["budget", 5], ["budget", 5],
    ]);
  });

  it("carries what the transcript link needs: segment, start time, speaker and side", () => {
    const [tracker] = findTrackerHits(sentences, [{ id: "t1", name: "Competitors", keywords: ["gong"] }]);
    expect(tracker).toEqual({
      trackerId: "t1",
      name: "Competitors",
      count: 2,
      hits: [
        { keyword: "gong", segmentIndex: 0, startMs: 0, speakerId: "rep", side: "internal" },
        { keyword: "gong", segmentIndex: 1, startMs: 6000, speakerId: "buyer", side: "external" },
      ],
    });
  });

  it("escapes regular-expression characters and handles trackers without keywords", () => {
    const special = buildSentences([["rep", 0, 1, "We use C++ and (legacy) tools, not C."]]).sentences;
    const [cpp, empty] = findTrackerHits(special, [
      { id: "t1", name: "Stack", keywords: ["c++", "(legacy)", ".*"] },
      { id: "t2", name: "Empty", keywords: [] },
    ]);
    expect(cpp?.hits.map((hit) => hit.keyword)).toEqual(["c++", "(legacy)"]);
    expect(empty).toEqual({ trackerId: "t2", name: "Empty", count: 0, hits: [] });
  });
});
