import { describe, expect, it } from "vitest";
import { buildSentences, type Line } from "./__fixtures__/build-sentences";
import { buildExtractiveSummary } from "./build-extractive-summary";

describe("buildExtractiveSummary", () => {
  it("picks sentences about the call's recurring subjects, in transcript order", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 5, "Thanks for taking the time to meet with us."], // 0 no repeated content words
      ["buyer", 5, 10, "Our invoicing process relies on manual spreadsheets every month."], // 1
      ["rep", 10, 15, "How long does the invoicing spreadsheets work take your finance team?"], // 2
      ["buyer", 15, 20, "The finance team spends three days on invoicing spreadsheets."], // 3
      ["rep", 20, 25, "The weather has been lovely this autumn, hasn't it?"], // 4 off topic
      ["buyer", 25, 30, "Yes, sunny."], // 5 too short
      ["rep", 30, 35, "Automated invoicing would save your finance team those days."], // 6
    ]);
    const summary = buildExtractiveSummary(sentences);
    expect(summary).toHaveLength(3);
    const indices = summary.map((sentence) => sentence.segmentIndex);
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(indices).not.toContain(0);
    expect(indices).not.toContain(4);
    expect(indices).not.toContain(5);
    expect(summary[0]).toMatchObject({ speakerId: expect.any(String), startMs: expect.any(Number), text: expect.any(String) });
  });

  it("never picks meeting logistics, however often their words recur", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 5, "Let me share my screen so you can see the invoicing dashboard."],
      ["buyer", 5, 10, "Our invoicing process relies on manual spreadsheets every month."],
      ["rep", 10, 15, "Can you all see my screen with the invoicing dashboard now?"],
      ["buyer", 15, 20, "The finance team spends three days on invoicing spreadsheets."],
      ["rep", 20, 25, "Automated invoicing would save your finance team those days."],
    ]);
    expect(buildExtractiveSummary(sentences).map((sentence) => sentence.segmentIndex)).toEqual([1, 3, 4]);
  });

  it("skips near-duplicates and balances speakers", () => {
    const lines: Line[] = [
      ["rep", 0, 5, "Our platform automates invoicing approvals for finance teams."],
      ["rep", 5, 10, "Our platform automates invoicing approvals for finance teams."], // duplicate
      ["rep", 10, 15, "Our platform automates invoicing approvals for finance teams today."], // near-duplicate
      ["buyer", 15, 20, "Finance teams struggle with invoicing approvals at quarter end."],
      ["rep", 20, 25, "Invoicing approvals slow finance teams down at quarter end."],
    ];
    const summary = buildExtractiveSummary(buildSentences(lines).sentences);
    const indices = summary.map((sentence) => sentence.segmentIndex);
    expect(indices.filter((index) => index <= 2)).toHaveLength(1);
    expect(indices).toContain(3);
  });

  it("is empty when there is nothing long enough to summarise", () => {
    expect(buildExtractiveSummary([])).toEqual([]);
    expect(buildExtractiveSummary(buildSentences([["rep", 0, 1, "Hi there."], ["buyer", 1, 2, "Hello."]]).sentences)).toEqual([]);
  });
});
