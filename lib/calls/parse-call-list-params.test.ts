import { describe, expect, it } from "vitest";
import { buildCallListHref, parseCallListParams, toCallListFilters } from "./parse-call-list-params";

describe("calls list URL", () => {
  it("drops malformed values and keeps the rest", () => {
    const params = parseCallListParams({ q: " budget ", from: "2026-13-45", to: "2026-11-02", transcript: "yes", participant: ["bob", "x"] });
    expect(params).toEqual({ q: "budget", from: undefined, to: "2026-11-02", workspace: undefined, participant: "bob", transcript: undefined, cursor: undefined });
  });

  it("makes 'to' include its whole day", () => {
    const filters = toCallListFilters(parseCallListParams({ from: "2026-11-01", to: "2026-11-02", transcript: "1" }));
    expect(filters.from?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(filters.to?.toISOString()).toBe("2026-11-03T00:00:00.000Z");
    expect(filters.hasTranscript).toBe(true);
  });

  it("builds links that keep the filters", () => {
    expect(buildCallListHref(parseCallListParams({ q: "a b", cursor: "old" }), "next")).toBe("/calls?q=a+b&cursor=next");
    expect(buildCallListHref(parseCallListParams({}), undefined)).toBe("/calls");
  });
});
