import { describe, expect, it } from "vitest";
import { readGongSignals } from "./gong-signals";

describe("readGongSignals", () => {
  it("reads Gong's topics, trackers, stats and questions", () => {
    const signals = readGongSignals(
      { topics: [{ name: "Pricing", duration: 86 }], trackers: [{ id: "1", name: "Competitors", count: 7 }] },
      { interactionStats: [{ name: "Talk Ratio", value: 0.51 }], questions: { companyCount: 4, nonCompanyCount: 2 } },
    );
    expect(signals).toEqual({
      topics: [{ name: "Pricing", duration: 86 }],
      trackers: [{ name: "Competitors", count: 7 }],
      interactionStats: [{ name: "Talk Ratio", value: 0.51 }],
      questions: { companyCount: 4, nonCompanyCount: 2 },
    });
  });

  it("keeps what makes sense of drifted JSON and skips the rest, item by item", () => {
    const signals = readGongSignals(
      { topics: "none", trackers: [{ id: 56825452554556, name: "Competitors", count: "7" }, { name: null, count: 2 }, 42] },
      { interactionStats: [{ name: "Talk Ratio", value: "0.51" }, { name: "Patience", value: "slow" }, { name: "Interactivity", value: 5.07 }], questions: [] },
    );
    expect(signals).toEqual({
      topics: undefined,
      trackers: [{ name: "Competitors", count: 7 }],
      interactionStats: [{ name: "Talk Ratio", value: 0.51 }, { name: "Interactivity", value: 5.07 }],
      questions: null,
    });
  });

  it("reads nothing from sections Gong left out or sent as something else", () => {
    expect(readGongSignals(null, null)).toBeNull();
    expect(readGongSignals("text", [1, 2])).toBeNull();
  });
});
