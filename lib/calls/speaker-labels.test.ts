import { describe, expect, it } from "vitest";
import { labelSpeakers } from "./speaker-labels";

const parties = [
  { speakerId: "b", name: "Bob", email: null, affiliation: "External" },
  { speakerId: "a", name: null, email: "alice@x.test", affiliation: "Internal" },
];

describe("labelSpeakers", () => {
  it("uses names and sides when speaker labels are on", () => {
    const labels = labelSpeakers(parties, ["a", "b", "a", "z"], true);
    expect([...labels.entries()]).toEqual([
      ["a", { label: "alice@x.test", side: "Internal" }],
      ["b", { label: "Bob", side: "External" }],
      ["z", { label: "Unknown speaker", side: "Unknown" }],
    ]);
  });

  it("numbers speakers by first appearance when they are off", () => {
    const labels = labelSpeakers(parties, ["b", "a", "b", null], false);
    expect([...labels.values()].map((label) => label.label)).toEqual(["Speaker 1", "Speaker 2", "Speaker 3"]);
    expect(labels.get("a")?.side).toBeNull();
  });
});
