import { describe, expect, it } from "vitest";
import { discoveryCall, discoveryCallExpected, DISCOVERY_CALL_SPEAKERS } from "./__fixtures__/discovery-call";
import { BUYER, GUEST, REP, toSegments } from "./__fixtures__/build-sentences";
import { CALL_INSIGHTS_VERSION, computeCallInsights, isStaleCallInsights } from "./compute-call-insights";
import type { InsightInput } from "./types";

const { alice, bob, carol } = DISCOVERY_CALL_SPEAKERS;
const expected = discoveryCallExpected;

function talkOf(speakerId: string) {
  return computeCallInsights(discoveryCall).talk.speakers.find((speaker) => speaker.speakerId === speakerId);
}

describe("computeCallInsights on the discovery call (figures worked out in the fixture)", () => {
  const insights = computeCallInsights(discoveryCall);

  it("reports talk time and ratios per speaker and side", () => {
    expect(insights.version).toBe(CALL_INSIGHTS_VERSION);
    expect(insights.durationSeconds).toBe(expected.durationSeconds);
    expect(insights.talk.totalTalkSeconds).toBe(expected.totalTalkSeconds);
    expect(talkOf(alice)).toMatchObject({ talkSeconds: 68, talkRatio: expected.talkRatio.alice, name: "Alice Rep" });
    expect(talkOf(bob)).toMatchObject({ talkSeconds: 42, talkRatio: expected.talkRatio.bob });
    expect(talkOf(carol)).toMatchObject({ talkSeconds: 24, talkRatio: expected.talkRatio.carol });
    expect(insights.talk.sides.internal.talkRatio).toBe(expected.talkRatio.internal);
    expect(insights.talk.sides.external.talkRatio).toBe(expected.talkRatio.external);
    expect(insights.talk.speakers).toHaveLength(3); // the silent party without a speaker id is not listed
    const percent = (ratio: number | undefined) => Math.round((ratio ?? 0) * 100);
    expect(insights.talk.speakers.map((speaker) => percent(speaker.talkRatio))).toEqual([
      expected.talkPercent.alice, expected.talkPercent.bob, expected.talkPercent.carol,
    ]);
    expect(percent(insights.talk.sides.external.talkRatio)).toBe(expected.talkPercent.external);
  });

  it("reports turn-based figures", () => {
    expect(insights.longestMonologue).toMatchObject(expected.longestMonologue);
    expect(insights.longestCustomerStory).toMatchObject(expected.longestCustomerStory);
    expect(insights.interactivity).toEqual(expected.interactivity);
    expect(insights.patience).toEqual(expected.patience);
  });

  it("reports questions, fillers, trackers, next steps, topics and summary", () => {
    expect(insights.questions.internal.segmentIndices).toEqual(expected.questions.internal);
    expect(insights.questions.external.segmentIndices).toEqual(expected.questions.external);
    const fillers = Object.fromEntries(insights.fillerWords.map((speaker) => [speaker.speakerId, { count: speaker.count, perMinute: speaker.perMinute }]));
    expect(fillers).toEqual({ [alice]: expected.fillerWords.alice, [bob]: expected.fillerWords.bob, [carol]: expected.fillerWords.carol });
    expect(Object.fromEntries(insights.trackers.map((tracker) => [tracker.name, tracker.hits.map((hit) => hit.segmentIndex)]))).toEqual(expected.trackers);
    expect(insights.nextSteps.map(({ segmentIndex, kind, ownerSide }) => ({ segmentIndex, kind, ownerSide }))).toEqual(expected.nextSteps);
    expect(insights.topics.source).toBe("extracted");
    expect(insights.topics.items.map((topic) => topic.name)).toEqual(expected.topics);
    expect(insights.summary.map((sentence) => sentence.segmentIndex)).toEqual(expected.summary);
    expect(insights.timeline.tracks.map((track) => track.intervals.length)).toEqual([8, 5, 3]);
    expect(insights.gong).toBeNull();
  });

  it("is deterministic, JSON-safe and independent of segment order", () => {
    expect(JSON.parse(JSON.stringify(insights))).toEqual(insights);
    const reversed = { ...discoveryCall, segments: [...discoveryCall.segments].reverse() };
    expect(computeCallInsights(reversed)).toEqual(insights);
  });
});

describe("computeCallInsights edge cases", () => {
  const base: InsightInput = { durationSeconds: null, parties: [REP, BUYER], segments: [], trackers: [] };

  it("handles an empty transcript", () => {
    const insights = computeCallInsights({ ...base, trackers: [{ id: "t", name: "Pricing", keywords: ["budget"] }] });
    expect(insights).toMatchObject({
      durationSeconds: 0,
      sentenceCount: 0,
      longestMonologue: null,
      longestCustomerStory: null,
      interactivity: { switches: 0, score: 0 },
      patience: { averagePauseSeconds: null, samples: 0 },
      nextSteps: [],
      summary: [],
      topics: { source: "extracted", items: [] },
      trackers: [{ trackerId: "t", count: 0, hits: [] }],
      timeline: { durationSeconds: 0, bucketSeconds: 1 },
    });
    expect(insights.talk.speakers.map((speaker) => speaker.talkSeconds)).toEqual([0, 0]);
  });

  it("handles a single speaker", () => {
    const segments = toSegments([["rep", 0, 30, "Um, welcome to the webinar."], ["rep", 30, 60, "Any questions?"]]);
    const insights = computeCallInsights({ ...base, durationSeconds: 60, segments });
    expect(insights.talk.sides.internal.talkRatio).toBe(1);
    expect(insights.longestMonologue).toMatchObject({ durationSeconds: 60, segmentIndex: 0 });
    expect(insights.longestCustomerStory).toBeNull();
    expect(insights.interactivity.switches).toBe(0);
    expect(insights.questions.internal.count).toBe(1);
  });

  it("puts null speaker ids and unknown affiliation on the unknown side", () => {
    const segments = toSegments([[null, 0, 10, "Hello?"], ["guest", 10, 20, "Hi."], ["nobody", 20, 25, "Hey."]]);
    const insights = computeCallInsights({ ...base, parties: [GUEST], segments });
    // 10 + 10 + 5 = 25 s, all unknown
    expect(insights.talk.sides.unknown).toEqual({ talkSeconds: 25, talkRatio: 1, speakers: 3 });
    expect(insights.questions.unknown.segmentIndices).toEqual([0]);
    expect(insights.longestMonologue).toBeNull();
    expect(insights.timeline.tracks.map((track) => track.speakerId)).toEqual(["guest", null, "nobody"]);
  });

  it("falls back to the transcript's end for a zero or missing duration", () => {
    const segments = toSegments([["rep", 0, 90, "Long."]]);
    expect(computeCallInsights({ ...base, durationSeconds: 0, segments }).durationSeconds).toBe(90);
    expect(computeCallInsights({ ...base, durationSeconds: null, segments }).durationSeconds).toBe(90);
  });

  it("passes Gong's own stats through beside ours", () => {
    const gong = {
      interactionStats: [{ name: "Talk Ratio", value: 0.51 }, { name: "Interactivity", value: 7.2 }],
      trackers: [{ name: "Competitors", count: 2 }],
      questions: { companyCount: 2, nonCompanyCount: 3 },
      topics: [{ name: "Pricing", duration: 42 }],
    };
    const insights = computeCallInsights({ ...discoveryCall, gong });
    expect(insights.gong).toEqual({
      interactionStats: gong.interactionStats,
      trackers: gong.trackers,
      questions: gong.questions,
    });
    expect(insights.topics).toEqual({ source: "gong", items: [{ name: "Pricing", durationSeconds: 42, mentions: 0, segmentIndices: [] }] });
    expect(computeCallInsights({ ...discoveryCall, gong: { interactionStats: [] } }).gong).toBeNull();
  });
});

describe("isStaleCallInsights", () => {
  it("flags insights from another algorithm version or not insights at all", () => {
    expect(isStaleCallInsights(computeCallInsights(discoveryCall))).toBe(false);
    expect(isStaleCallInsights({ version: CALL_INSIGHTS_VERSION - 1 })).toBe(true);
    expect(isStaleCallInsights(null)).toBe(true);
    expect(isStaleCallInsights("v1")).toBe(true);
  });
});
