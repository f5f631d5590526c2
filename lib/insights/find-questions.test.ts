import { describe, expect, it } from "vitest";
import { buildSentences } from "./__fixtures__/build-sentences";
import { findQuestions } from "./find-questions";
import { isQuestion } from "./is-question";

describe("isQuestion", () => {
  it.each([
    "How does billing work?",
    "Is that right?",
    "what tools do you use today", // interrogative opener without a question mark
    "So, how do you handle renewals.",
    "And do you have a budget",
    "Can we get a trial",
    "Which team owns this",
    "Ok, so what's the timeline",
  ])("counts %j", (text) => expect(isQuestion(text)).toBe(true));

  it.each([
    "We use spreadsheets.",
    "When we launched, it broke.", // "when" opens statements too; needs a "?"
    "Will send it over.", // auxiliary without a subject
    "Do it now.",
    "What a great idea.",
    "How nice.",
    "",
    "What",
  ])("does not count %j", (text) => expect(isQuestion(text)).toBe(false));
});

describe("findQuestions", () => {
  it("groups questions by side with their segment indices", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 2, "What keeps you up at night?"], // 0 internal
      ["buyer", 3, 5, "Churn."], // 1
      ["buyer", 5, 7, "Why do you ask?"], // 2 external
      ["rep", 8, 9, "Curious."], // 3
      [null, 9, 10, "Can you hear me?"], // 4 unknown (no speaker)
      ["guest", 10, 11, "Is this recorded?"], // 5 unknown (Unknown affiliation)
      ["rep", 12, 13, "Do you have a budget"], // 6 internal
    ]);
    expect(findQuestions(sentences)).toEqual({
      internal: { count: 2, segmentIndices: [0, 6] },
      external: { count: 1, segmentIndices: [2] },
      unknown: { count: 2, segmentIndices: [4, 5] },
    });
  });
});
