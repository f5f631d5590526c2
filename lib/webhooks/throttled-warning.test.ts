import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/observability/logger";
import { createThrottledWarning } from "./throttled-warning";

// A spy on our logger, not a mock of a rule: the lines it would write are what this test reads.
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-03-01T12:00:00Z") });
  warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("createThrottledWarning", () => {
  it("writes the first line at once, then at most one a minute counting what happened since the last", () => {
    const note = createThrottledWarning("forged deliveries");
    note(1, { connectionId: "c1" });
    expect(warn.mock.calls).toEqual([[{ connectionId: "c1", countSinceLastLine: 1 }, "forged deliveries"]]);
    vi.advanceTimersByTime(59_999);
    note(2, { connectionId: "c1" });
    note(3, { connectionId: "c2" });
    expect(warn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    note(4, { connectionId: "c3" });
    expect(warn.mock.calls[1]).toEqual([{ connectionId: "c3", countSinceLastLine: 9 }, "forged deliveries"]);
    vi.advanceTimersByTime(60_000);
    note(1, {});
    expect(warn.mock.calls[2]).toEqual([{ countSinceLastLine: 1 }, "forged deliveries"]);
  });

  it("takes another interval", () => {
    const note = createThrottledWarning("slow", 1_000);
    note(1, {});
    vi.advanceTimersByTime(1_000);
    note(1, {});
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
