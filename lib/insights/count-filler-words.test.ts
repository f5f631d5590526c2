import { describe, expect, it } from "vitest";
import { buildSentences, REP, BUYER } from "./__fixtures__/build-sentences";
import { countFillerWords } from "./count-filler-words";
import { sumTalkMsBySpeaker } from "./compute-talk-time";
import { summarizeFillerWords } from "./summarize-filler-words";

const counted = (text: string) => Object.fromEntries(countFillerWords(text));

describe("countFillerWords", () => {
  it("counts each filler with word boundaries and any case", () => {
    expect(counted("Um, so, UH, we basically... Actually umm no.")).toEqual({ um: 2, uh: 1, basically: 1, actually: 1 });
    expect(counted("The museum has a drum and a plum.")).toEqual({}); // "um" inside words
    expect(counted("Factually, basicallyness is not a word.")).toEqual({});
  });

  it("counts 'like' only when set off by commas", () => {
    expect(counted("It was, like, really slow.")).toEqual({ like: 1 });
    expect(counted("Like, we tried that.")).toEqual({ like: 1 });
    expect(counted("I like it and it looks like a fit. We would like to buy.")).toEqual({});
  });

  it("tells filler 'you know', 'kind of', 'sort of' and 'I mean' from their literal uses", () => {
    expect(counted("You know, the rollout was, you know, rough.")).toEqual({ "you know": 2 });
    expect(counted("Do you know the price? You know what I think?")).toEqual({});
    expect(counted("And you know.")).toEqual({ "you know": 1 });
    expect(counted("It's kind of slow and sort of expensive.")).toEqual({ "kind of": 1, "sort of": 1 });
    expect(counted("What kind of tool is it? That sort of thing.")).toEqual({});
    expect(counted("I mean, it works. That's not what I mean.")).toEqual({ "i mean": 1 });
    expect(counted("I’m sure, I MEAN it.")).toEqual({ "i mean": 1 }); // curly apostrophes and capitals
  });
});

describe("summarizeFillerWords", () => {
  it("rates fillers per minute of each speaker's own talk time", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 30, "Um, so, um, basically we sync."], // rep: um ×2, basically → 3 in 30 s
      ["buyer", 30, 40, "I mean, fine."], // buyer: i mean → 1 in 10 s
      ["rep", 40, 70, "Actually, that is all."], // rep: actually → 4 in 60 s
    ], [REP, BUYER]);
    const fillers = summarizeFillerWords(sentences, [REP, BUYER].map(({ speakerId, name }, position) => ({
      speakerId, name, side: position === 0 ? "internal" : "external",
    })), sumTalkMsBySpeaker(sentences));
    // rep 4 / 1 min = 4; buyer 1 / (10/60) min = 6
    expect(fillers.map((speaker) => [speaker.speakerId, speaker.count, speaker.perMinute, speaker.words])).toEqual([
      ["rep", 4, 4, { um: 2, basically: 1, actually: 1 }],
      ["buyer", 1, 6, { "i mean": 1 }],
    ]);
  });

  it("gives a zero rate to a speaker with no talk time", () => {
    const { sentences } = buildSentences([["rep", 5, 5, "Um."]], [REP]);
    const [rep] = summarizeFillerWords(sentences, [{ speakerId: "rep", name: null, side: "internal" }], sumTalkMsBySpeaker(sentences));
    expect(rep).toMatchObject({ count: 1, perMinute: 0 });
  });
});
