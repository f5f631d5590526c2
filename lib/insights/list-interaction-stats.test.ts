import { describe, expect, it } from "vitest";
import { discoveryCall } from "./__fixtures__/discovery-call";
import { computeCallInsights } from "./compute-call-insights";
import { listInteractionStats } from "./list-interaction-stats";

describe("listInteractionStats", () => {
  it("pairs our figures with Gong's by name", () => {
    const gong = { interactionStats: [{ name: "Talk Ratio", value: 0.51 }, { name: "Patience", value: 0.86 }, { name: "Other", value: 1 }] };
    expect(listInteractionStats(computeCallInsights({ ...discoveryCall, gong }))).toEqual([
      { name: "Talk Ratio", unit: "ratio", ours: 0.5075, gong: 0.51 },
      { name: "Longest Monologue", unit: "seconds", ours: 22, gong: null },
      { name: "Longest Customer Story", unit: "seconds", ours: 15, gong: null },
      { name: "Interactivity", unit: "score", ours: 7.5, gong: null },
      { name: "Patience", unit: "seconds", ours: 1.43, gong: 0.86 },
    ]);
  });

  it("leaves our talk ratio empty when no speaker is matched to a side, rather than say 0 %", () => {
    const segments = discoveryCall.segments.map((segment) => ({ ...segment, speakerId: `unmatched-${segment.speakerId}` }));
    const gong = { interactionStats: [{ name: "Talk Ratio", value: 0.51 }] };
    const [talkRatio] = listInteractionStats(computeCallInsights({ ...discoveryCall, segments, gong }));
    expect(talkRatio).toEqual({ name: "Talk Ratio", unit: "ratio", ours: null, gong: 0.51 });
  });

  it("leaves our side empty for a call without speech", () => {
    const rows = listInteractionStats(computeCallInsights({ durationSeconds: 60, parties: [], segments: [], trackers: [] }));
    expect(rows.map((row) => [row.ours, row.gong])).toEqual([[null, null], [null, null], [null, null], [null, null], [null, null]]);
  });
});
