import { describe, expect, it } from "vitest";
import { buildSentences } from "./__fixtures__/build-sentences";
import { findNextSteps } from "./find-next-steps";

describe("findNextSteps", () => {
  it("finds commitments, requests and plans with the side that owns them", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 5, "I'll send over the proposal tomorrow."], // 0 action item, rep owns
      ["buyer", 5, 9, "Could you please share the security docs?"], // 1 request → rep owns
      ["buyer", 9, 12, "We’ll loop in our CFO."], // 2 action item, buyer owns (curly apostrophe)
      ["rep", 12, 15, "Let's set up a call with IT."], // 3 next step
      ["buyer", 15, 18, "What are the next steps?"], // 4 next step asked by the buyer
      ["rep", 18, 20, "Great, we will talk on March 3rd."], // 5 date with a future marker → next step
      ["rep", 20, 22, "Let me follow up by end of week."], // 6 action item
    ]);
    const steps = findNextSteps(sentences);
    expect(steps.map((step) => [step.segmentIndex, step.kind, step.ownerSide])).toEqual([
      [0, "action-item", "internal"],
      [1, "action-item", "internal"],
      [2, "action-item", "external"],
      [3, "next-step", "internal"],
      [4, "next-step", "external"],
      [5, "next-step", "internal"],
      [6, "action-item", "internal"],
    ]);
    expect(steps[0]).toMatchObject({ cues: ["i'll send", "tomorrow"], startMs: 0, speakerId: "rep" });
    expect(steps[6]?.cues).toEqual(["let me follow", "follow up", "by end of"]);
  });

  it("ignores sentences that only mention time or describe the product", () => {
    const { sentences } = buildSentences([
      ["buyer", 0, 3, "On Monday our system went down."], // weekday without a future marker
      ["rep", 3, 6, "Let me show you the dashboard."], // demo talk, not follow-up work
      ["rep", 6, 9, "Our tool can send reminders automatically."],
      ["buyer", 9, 12, "We updated it in 2023."],
    ]);
    expect(findNextSteps(sentences)).toEqual([]);
  });

  it("leaves out meeting logistics and lists a sentence said twice once", () => {
    const { sentences } = buildSentences([
      ["rep", 0, 3, "Great, let's get started then."], // an opener, not a plan
      ["rep", 3, 6, "Let me share my screen."], // screen sharing, not a commitment
      ["rep", 6, 9, "I'll send the pricing sheet tomorrow."], // 2
      ["rep", 9, 12, "Let me share my screen."],
      ["buyer", 12, 15, "Can you all hear me okay? Let's schedule the pilot."],
      ["rep", 15, 18, "I'll send the pricing sheet tomorrow!"], // the same words again
    ]);
    expect(findNextSteps(sentences).map((step) => step.segmentIndex)).toEqual([2]);
  });

  it("leaves the owner unknown for requests by unattributed speakers", () => {
    const { sentences } = buildSentences([[null, 0, 2, "Can you send the recording?"]]);
    expect(findNextSteps(sentences)[0]).toMatchObject({ kind: "action-item", ownerSide: "unknown", speakerId: null });
  });
});
