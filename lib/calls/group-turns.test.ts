import { describe, expect, it } from "vitest";
import { formatOffset, groupTurns } from "./group-turns";

const sentence = (position: number, speakerId: string | null, startMs: number) => ({ position, speakerId, startMs, endMs: startMs + 1000, text: `s${position}` });

describe("groupTurns", () => {
  it("groups consecutive sentences of one speaker and starts a turn at each change", () => {
    const turns = groupTurns([sentence(0, "a", 0), sentence(1, "a", 1000), sentence(2, "b", 2000), sentence(3, null, 3000), sentence(4, null, 4000), sentence(5, "a", 5000)]);
    expect(turns.map((turn) => [turn.speakerId, turn.startMs, turn.sentences.map((s) => s.position)])).toEqual([
      ["a", 0, [0, 1]],
      ["b", 2000, [2]],
      [null, 3000, [3, 4]],
      ["a", 5000, [5]],
    ]);
    expect(groupTurns([])).toEqual([]);
  });

  it("formats offsets as m:ss or h:mm:ss", () => {
    expect(formatOffset(65_000)).toBe("1:05");
    expect(formatOffset(3_725_999)).toBe("1:02:05");
    expect(formatOffset(-5)).toBe("0:00");
  });
});
