import { describe, expect, it } from "vitest";
import { labelSpeakers } from "./speaker-labels";

const parties = [
  { speakerId: "b", name: "Bob", email: null, affiliation: "External" },
  { speakerId: "a", name: null, email: "alice@x.test", affiliation: "Internal" },
];

describe("labelSpeakers", () => {
  it("uses names and sides when speaker labels are on, and numbers the speakers without a name", () => {
    const labels = labelSpeakers(parties, ["a", "b", "a", "z", null, "y"], true);
    expect([...labels.entries()]).toEqual([
      ["a", { label: "alice@x.test", side: "Internal", color: 0 }],
      ["b", { label: "Bob", side: "External", color: 1 }],
      ["z", { label: "Speaker 1", side: "Unknown", color: 2 }],
      [null, { label: "Speaker 2", side: "Unknown", color: 3 }],
      ["y", { label: "Speaker 3", side: "Unknown", color: 4 }],
    ]);
  });

  it("numbers speakers by first appearance when they are off", () => {
    const labels = labelSpeakers(parties, ["b", "a", "b", null], false);
    expect([...labels.values()].map((label) => label.label)).toEqual(["Speaker 1", "Speaker 2", "Speaker 3"]);
    expect(labels.get("a")?.side).toBeNull();
  });

  it("gives each speaker a colour of their own, reusing them only past the palette", () => {
    const ids = Array.from({ length: 10 }, (_, index) => `s${index}`);
    expect([...labelSpeakers([], ids, true).values()].map((label) => label.color)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0, 1]);
  });
});
