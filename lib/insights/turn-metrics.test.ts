import { describe, expect, it } from "vitest";
import { buildSentences } from "./__fixtures__/build-sentences";
import { computeInteractivity } from "./compute-interactivity";
import { computePatience } from "./compute-patience";
import { findLongestTurn } from "./find-longest-turn";

const CALL = buildSentences([
  ["rep", 0, 20, "Agenda."], // turn 1: rep 0–40 (40 s)
  ["rep", 20, 40, "More agenda."],
  ["buyer", 43, 60, "Story part one."], // turn 2: buyer 43–90 (47 s); pause before the rep: 93 − 90 = 3
  ["buyer", 60, 90, "Story part two."],
  ["rep", 93, 100, "Question."], // turn 3: rep 93–100
  ["buyer", 99, 110, "Interrupts."], // turn 4: buyer 99–110; the rep starts 110 → pause 0
  ["rep", 110, 120, "Wraps up."], // turn 5: rep 110–120
]);

describe("findLongestTurn", () => {
  it("finds the longest internal monologue and external story across merged sentences", () => {
    expect(findLongestTurn(CALL.turns, "internal", CALL.directory)).toEqual({
      speakerId: "rep", name: "Riley Rep", side: "internal", durationSeconds: 40, startSeconds: 0, segmentIndex: 0,
    });
    expect(findLongestTurn(CALL.turns, "external", CALL.directory)).toMatchObject({
      speakerId: "buyer", durationSeconds: 47, startSeconds: 43, segmentIndex: 2,
    });
  });

  it("returns null when a side never speaks", () => {
    const oneSpeaker = buildSentences([["rep", 0, 5, "Hello?"]]);
    expect(findLongestTurn(oneSpeaker.turns, "external", oneSpeaker.directory)).toBeNull();
  });
});

describe("computeInteractivity", () => {
  it("counts speaker switches per minute of spoken span", () => {
    // 5 turns → 4 switches over 0–120 s = 2 min → 2 per minute → score 10 × 2 / 8 = 2.5
    expect(computeInteractivity(CALL.turns)).toEqual({ switches: 4, minutes: 2, switchesPerMinute: 2, score: 2.5 });
  });

  it("caps the score at 10 and is zero for one speaker or no speech", () => {
    const rapid = buildSentences(
      Array.from({ length: 21 }, (_, turn): [string, number, number, string] => [turn % 2 ? "buyer" : "rep", turn * 5, turn * 5 + 5, "Yes."]),
    );
    // 20 switches in 105 s = 1.75 min → 11.43 per minute → score capped at 10
    expect(computeInteractivity(rapid.turns)).toMatchObject({ switches: 20, switchesPerMinute: 11.43, score: 10 });
    expect(computeInteractivity(buildSentences([["rep", 0, 60, "Lecture."]]).turns)).toMatchObject({ switches: 0, score: 0 });
    expect(computeInteractivity([])).toEqual({ switches: 0, minutes: 0, switchesPerMinute: 0, score: 0 });
    // zero-length sentences: no span, so no rate rather than a division by zero
    expect(computeInteractivity(buildSentences([["rep", 5, 5, "a"], ["buyer", 5, 5, "b"]]).turns).switchesPerMinute).toBe(0);
  });
});

describe("computePatience", () => {
  it("averages the rep's pauses after the customer finishes, interruptions counting zero", () => {
    // external → internal transitions: 93 − 90 = 3 and max(0, 110 − 110) = 0 → 3 / 2 = 1.5
    expect(computePatience(CALL.turns)).toEqual({ averagePauseSeconds: 1.5, samples: 2 });
  });

  it("ignores unknown speakers and has no value without a customer-to-rep handover", () => {
    const { turns } = buildSentences([
      ["buyer", 0, 5, "Hi."],
      [null, 6, 8, "Someone."], // external → unknown: not a sample
      ["rep", 12, 15, "Hello."], // unknown → internal: not a sample
    ]);
    expect(computePatience(turns)).toEqual({ averagePauseSeconds: null, samples: 0 });
  });
});
