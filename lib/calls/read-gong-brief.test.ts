import { describe, expect, it } from "vitest";
import { readGongBrief } from "./read-gong-brief";

describe("readGongBrief", () => {
  it("reads Gong's brief, outcome, key points, highlights and outline, times in milliseconds", () => {
    const content = {
      topics: [{ name: "Pricing", duration: 80 }],
      brief: "Acme is evaluating a rollout for 40 seats.",
      callOutcome: { id: "MEETING_BOOKED", category: "Answered", name: "Meeting booked" },
      keyPoints: [{ text: "Budget is approved." }, { text: "" }, { text: "Security review next." }],
      highlights: [
        { title: "Next steps", items: [{ text: "Send the questionnaire.", startTimes: [812.4, 900] }] },
        { title: "Pricing", items: [] },
      ],
      outline: [{ section: "Intro", startTime: 0, duration: 120.5, items: [{ text: "Agenda", startTime: 12.3 }] }],
    };
    expect(readGongBrief(content)).toEqual({
      brief: "Acme is evaluating a rollout for 40 seats.",
      outcome: { name: "Meeting booked", category: "Answered" },
      keyPoints: ["Budget is approved.", "Security review next."],
      highlights: [{ title: "Next steps", items: [{ text: "Send the questionnaire.", startMs: 812_400 }] }],
      outline: [{ section: "Intro", startMs: 0, durationSeconds: 120.5, items: [{ text: "Agenda", startMs: 12_300 }] }],
    });
  });

  it("is null when Gong wrote no brief, and keeps what parses of an odd one", () => {
    expect(readGongBrief(null)).toBeNull();
    expect(readGongBrief({ topics: [], brief: "  ", keyPoints: null, highlights: [], outline: [] })).toBeNull();
    expect(readGongBrief({ brief: 42, keyPoints: "nope", outline: [{ section: "Demo", startTime: "soon" }] })).toEqual({
      brief: null,
      outcome: null,
      keyPoints: [],
      highlights: [],
      outline: [{ section: "Demo", startMs: null, durationSeconds: null, items: [] }],
    });
  });
});
