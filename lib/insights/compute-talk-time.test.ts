import { describe, expect, it } from "vitest";
import { buildSentences, REP, BUYER } from "./__fixtures__/build-sentences";
import { computeTalkTime } from "./compute-talk-time";

describe("computeTalkTime", () => {
  it("sums sentence lengths per speaker and per side", () => {
    const { sentences, directory } = buildSentences([
      ["rep", 0, 10, "Intro."], // rep 10
      ["buyer", 12, 42, "Long answer."], // buyer 30
      ["rep", 45, 55, "Follow-up."], // rep 10 → 20
      ["guest", 55, 60, "Aside."], // guest (Unknown affiliation) 5
      [null, 60, 65, "Unattributed."], // null speaker 5
    ]);
    const talk = computeTalkTime(sentences, directory);
    // total 20 + 30 + 5 + 5 = 60 → rep 20/60 = 0.3333, buyer 0.5, guest and null 5/60 = 0.0833 each
    expect(talk.totalTalkSeconds).toBe(60);
    expect(talk.speakers.map((speaker) => [speaker.speakerId, speaker.talkSeconds, speaker.talkRatio])).toEqual([
      ["rep", 20, 0.3333],
      ["buyer", 30, 0.5],
      ["guest", 5, 0.0833],
      [null, 5, 0.0833],
    ]);
    // unknown side = guest + null = 10/60
    expect(talk.sides).toEqual({
      internal: { talkSeconds: 20, talkRatio: 0.3333, speakers: 1 },
      external: { talkSeconds: 30, talkRatio: 0.5, speakers: 1 },
      unknown: { talkSeconds: 10, talkRatio: 0.1667, speakers: 2 },
    });
  });

  it("counts a speaker's overlapping or duplicated sentences once, and accepts unsorted input", () => {
    const { sentences, directory } = buildSentences([
      ["rep", 20, 30, "Later."], // rep 20–30
      ["rep", 0, 10, "First."], // rep 0–10
      ["rep", 5, 12, "Overlaps the first."], // adds 10–12 → 2
      ["rep", 0, 10, "First."], // duplicate adds 0
      ["buyer", 8, 14, "Crosstalk."], // buyer 6, counted although the rep is talking
    ], [REP, BUYER]);
    const talk = computeTalkTime(sentences, directory);
    // rep 10 + 2 + 10 = 22, buyer 6, total 28
    expect(talk.speakers.map((speaker) => speaker.talkSeconds)).toEqual([22, 6]);
    expect(talk.totalTalkSeconds).toBe(28);
  });

  it("lists silent parties with zero talk time and gives zero ratios for an empty call", () => {
    const { sentences, directory } = buildSentences([], [REP, BUYER]);
    const talk = computeTalkTime(sentences, directory);
    expect(talk.totalTalkSeconds).toBe(0);
    expect(talk.speakers.map((speaker) => [speaker.speakerId, speaker.talkRatio])).toEqual([["rep", 0], ["buyer", 0]]);
    expect(talk.sides.internal).toEqual({ talkSeconds: 0, talkRatio: 0, speakers: 1 });
  });

  it("treats a speaker id missing from the parties as unknown and an end before the start as no talk", () => {
    const { sentences, directory } = buildSentences([
      ["stranger", 0, 4, "Who am I?"],
      ["rep", 10, 5, "Broken timestamps."],
    ]);
    const talk = computeTalkTime(sentences, directory);
    expect(talk.speakers.find((speaker) => speaker.speakerId === "stranger")).toMatchObject({ side: "unknown", name: null, talkRatio: 1 });
    expect(talk.speakers.find((speaker) => speaker.speakerId === "rep")?.talkSeconds).toBe(0);
  });
});
