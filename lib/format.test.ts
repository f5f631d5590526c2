import { describe, expect, it } from "vitest";
import { formatCount, formatDuration, formatRelativeTime } from "./format";

describe("formatting", () => {
  const now = new Date("2026-11-23T12:00:00Z");

  it("formats relative times", () => {
    expect(formatRelativeTime(new Date("2026-11-23T11:59:40Z"), now)).toBe("just now");
    expect(formatRelativeTime(new Date("2026-11-23T11:57:00Z"), now)).toBe("3 min. ago");
    expect(formatRelativeTime(new Date("2026-11-23T09:00:00Z"), now)).toBe("3 hr. ago");
    expect(formatRelativeTime(new Date("2026-11-21T12:00:00Z"), now)).toBe("2 days ago");
  });

  it("formats durations as 1h 02m", () => {
    expect(formatDuration(3720)).toBe("1h 02m");
    expect(formatDuration(95)).toBe("1m 35s");
    expect(formatDuration(0)).toBe("0m 00s");
  });

  it("formats counts with separators", () => {
    expect(formatCount(12345)).toBe("12,345");
  });
});
