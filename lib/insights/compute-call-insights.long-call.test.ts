import { describe, expect, it } from "vitest";
import { generateLongCall } from "./__fixtures__/generate-long-call";
import { computeCallInsights } from "./compute-call-insights";

describe("computeCallInsights on a generated two-hour call", () => {
  const input = generateLongCall(3_000);
  const insights = computeCallInsights(input);

  it("covers the whole call with consistent totals", () => {
    expect(insights.sentenceCount).toBe(3_000);
    expect(insights.durationSeconds).toBeGreaterThan(7_000);
    const ratios = insights.talk.speakers.reduce((sum, speaker) => sum + speaker.talkRatio, 0);
    expect(ratios).toBeCloseTo(1, 2);
    const sides = insights.talk.sides;
    expect(sides.internal.talkSeconds + sides.external.talkSeconds + sides.unknown.talkSeconds).toBeCloseTo(insights.talk.totalTalkSeconds, 0);
    expect(insights.talk.totalTalkSeconds).toBeLessThanOrEqual(insights.durationSeconds);
    expect(sides.unknown.speakers).toBe(1); // the unattributed voice
  });

  it("keeps every figure in range", () => {
    expect(insights.interactivity.score).toBeGreaterThan(0);
    expect(insights.interactivity.score).toBeLessThanOrEqual(10);
    expect(insights.patience.samples).toBeGreaterThan(0);
    expect(insights.patience.averagePauseSeconds).toBeGreaterThan(0);
    expect(insights.longestMonologue?.side).toBe("internal");
    expect(insights.longestCustomerStory?.side).toBe("external");
    expect(insights.longestMonologue?.durationSeconds).toBeLessThan(insights.durationSeconds);
    expect(insights.questions.internal.count + insights.questions.external.count).toBeGreaterThan(0);
    // Not an `.every` alone, which an empty list would pass: the generated call's speakers do use filler words.
    expect(insights.fillerWords.length).toBeGreaterThan(0);
    expect(insights.fillerWords.some((speaker) => speaker.perMinute > 0)).toBe(true);
    expect(insights.fillerWords.every((speaker) => Number.isFinite(speaker.perMinute) && speaker.perMinute >= 0)).toBe(true);
  });

  it("stays compact: top topics, 5 summary sentences, a bounded timeline", () => {
    expect(insights.topics.items.length).toBe(5);
    expect(insights.summary).toHaveLength(5);
    const summaryIndices = insights.summary.map((sentence) => sentence.startMs);
    expect(summaryIndices).toEqual([...summaryIndices].sort((a, b) => a - b));
    expect(insights.timeline.bucketSeconds).toBe(30);
    for (const track of insights.timeline.tracks) {
      expect(track.intervals.length).toBeLessThanOrEqual(Math.ceil(insights.timeline.durationSeconds / 30));
      track.intervals.forEach(([start, end], position) => {
        expect(end).toBeGreaterThan(start);
        expect(start).toBeGreaterThan(track.intervals[position - 1]?.[1] ?? -1);
      });
    }
    expect(JSON.stringify(insights).length).toBeLessThan(400_000);
  });

  it("links every tracker hit to a segment, in time order", () => {
    for (const tracker of insights.trackers) {
      expect(tracker.count).toBe(tracker.hits.length);
      expect(tracker.count).toBeGreaterThan(0);
      const starts = tracker.hits.map((hit) => hit.startMs);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    }
    expect(insights.trackers.length).toBeGreaterThan(0);
    const competitorHits = insights.trackers[0]!.hits;
    expect(competitorHits.length).toBeGreaterThan(0);
    expect(competitorHits.every((hit) => hit.keyword === "salesforce cpq")).toBe(true);
  });

  it("is deterministic", () => {
    expect(computeCallInsights(generateLongCall(3_000))).toEqual(insights);
  });
});
