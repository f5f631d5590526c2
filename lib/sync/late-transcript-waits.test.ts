import { describe, expect, it } from "vitest";
import { LATE_TRANSCRIPT_WINDOW_SECONDS, lateTranscriptWaits } from "./late-transcript-waits";

describe("lateTranscriptWaits", () => {
  it("doubles from the first wait and stops at exactly 48 hours", () => {
    const waits = lateTranscriptWaits(120);
    expect(waits.slice(0, 4)).toEqual([120, 240, 480, 960]);
    expect(waits.reduce((sum, wait) => sum + wait, 0)).toBe(LATE_TRANSCRIPT_WINDOW_SECONDS);
    expect(waits.length).toBeLessThanOrEqual(12);
  });

  it("never waits less than a second", () => {
    expect(lateTranscriptWaits(0, 10)).toEqual([1, 2, 4, 3]);
  });
});
