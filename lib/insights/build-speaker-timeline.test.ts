import { describe, expect, it } from "vitest";
import { buildSentences } from "./__fixtures__/build-sentences";
import { buildSpeakerTimeline, buildTopicTimeline, chooseBucketSeconds } from "./build-speaker-timeline";

const REP_REF = { speakerId: "rep", name: "Riley Rep", side: "internal" as const };
const BUYER_REF = { speakerId: "buyer", name: "Bea Buyer", side: "external" as const };

describe("chooseBucketSeconds", () => {
  it("keeps a call within 300 buckets using round sizes", () => {
    expect(chooseBucketSeconds(0)).toBe(1);
    expect(chooseBucketSeconds(300)).toBe(1);
    expect(chooseBucketSeconds(301)).toBe(2);
    expect(chooseBucketSeconds(7_200)).toBe(30); // two hours: 7200 / 300 = 24 → 30
    expect(chooseBucketSeconds(200_000)).toBe(667); // beyond the table: ⌈200000 / 300⌉
  });
});

describe("buildSpeakerTimeline", () => {
  it("merges touching sentences per speaker, snapping outward to the bucket", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 4.2, "a"], // → [0, 5]
      ["rep", 4.5, 7, "b"], // touches → [0, 7]
      ["buyer", 7.4, 9.1, "c"], // → [7, 10]
      ["rep", 12, 12, "d"], // zero length: not drawn
      ["rep", 15.5, 16, "e"], // → [15, 16]
    ]);
    expect(buildSpeakerTimeline(sentences, [REP_REF, BUYER_REF], 20)).toEqual({
      durationSeconds: 20,
      bucketSeconds: 1,
      tracks: [
        { ...REP_REF, intervals: [[0, 7], [15, 16]] },
        { ...BUYER_REF, intervals: [[7, 10]] },
      ],
    });
  });

  it("uses the transcript's end when it runs past the stated duration", () => {
    const { sentences } = buildSentences([["rep", 0, 500, "long"]]);
    // 500 s / 300 = 1.67 → 2 s buckets
    expect(buildSpeakerTimeline(sentences, [REP_REF], 0)).toMatchObject({ durationSeconds: 500, bucketSeconds: 2 });
  });
});

describe("buildTopicTimeline", () => {
  it("draws each topic where its sentences are, merged on the grid, and drops topics never placed", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 4, "pricing a"], // 0
      ["buyer", 4, 9, "pricing b"], // 1 touches 0
      ["rep", 20, 22, "security"], // 2
      ["buyer", 30, 31.5, "pricing c"], // 3
    ]);
    const topics = [
      { name: "Pricing", durationSeconds: null, mentions: 3, segmentIndices: [3, 0, 1] },
      { name: "Security", durationSeconds: 2, mentions: 1, segmentIndices: [2] },
      { name: "Elsewhere", durationSeconds: 10, mentions: 0, segmentIndices: [] },
    ];
    expect(buildTopicTimeline(sentences, topics, 5)).toEqual([
      { name: "Pricing", intervals: [[0, 10], [30, 35]] },
      { name: "Security", intervals: [[20, 25]] },
    ]);
  });
});
