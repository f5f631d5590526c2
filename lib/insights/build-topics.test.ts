import { describe, expect, it } from "vitest";
import { buildSentences, toSegments } from "./__fixtures__/build-sentences";
import { buildTopics } from "./build-topics";

describe("buildTopics", () => {
  it("extracts frequent words and phrases, skipping stop words, fillers and one-off words", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 5, "Tell me about your data migration."], // data, migration, "data migration"
      ["buyer", 5, 9, "The data migration from Oracle took months."], // data, migration, "data migration", oracle, months
      ["buyer", 9, 12, "Um, yeah, like, Oracle licensing is painful."], // oracle, licensing, painful
      ["rep", 12, 15, "So the data is the hard part, basically."], // data
      ["rep", 15, 17, "Okay, okay, yeah, right."], // stop words only
    ]);
    // data 3, migration 2, "data migration" 2 × 2 = 4, oracle 2; all others once
    // ranked: "data migration" 4, data 3 and migration 2 (both covered by the heavier phrase), oracle 2
    expect(buildTopics(sentences, undefined)).toEqual({
      source: "extracted",
      items: [
        { name: "data migration", durationSeconds: null, mentions: 2, segmentIndices: [0, 1] },
        { name: "oracle", durationSeconds: null, mentions: 2, segmentIndices: [1, 2] },
      ],
    });
  });

  it("keeps at most five topics and breaks ties by first mention", () => {
    const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
    const lines = [...words, ...[...words].reverse()].map((word, position): [string, number, number, string] => [
      "rep", position, position + 1, `${word}.`,
    ]);
    expect(buildTopics(buildSentences(lines).sentences, []).items.map((topic) => topic.name)).toEqual(words.slice(0, 5));
  });

  it("prefers Gong's call-level topics, linking them to sentences Gong tagged", () => {
    const segments = toSegments([
      ["rep", 0, 10, "Let's talk money."],
      ["buyer", 10, 20, "Sure."],
      ["rep", 20, 30, "Any blockers?"],
    ]).map((segment, index) => ({ ...segment, topic: index < 2 ? "Pricing" : "Next Steps" }));
    const { sentences } = buildSentences(segments);
    const gongTopics = [
      { name: "Next Steps", duration: 10 },
      { name: "Pricing", duration: 20 },
      { name: "Small Talk", duration: 0 }, // Gong lists every topic; zero duration means not discussed
    ];
    expect(buildTopics(sentences, gongTopics)).toEqual({
      source: "gong",
      items: [
        { name: "Pricing", durationSeconds: 20, mentions: 2, segmentIndices: [0, 1] },
        { name: "Next Steps", durationSeconds: 10, mentions: 1, segmentIndices: [2] },
      ],
    });
    // without the call-level list, the sentence tags alone: Pricing 0–20 s, Next Steps 20–30 s
    expect(buildTopics(sentences, null as never)).toEqual({
      source: "gong",
      items: [
        { name: "Pricing", durationSeconds: 20, mentions: 2, segmentIndices: [0, 1] },
        { name: "Next Steps", durationSeconds: 10, mentions: 1, segmentIndices: [2] },
      ],
    });
  });

  it("returns no topics for an empty transcript", () => {
    expect(buildTopics([], undefined)).toEqual({ source: "extracted", items: [] });
  });
});
