import { describe, expect, it } from "vitest";
import { decodeCallCursor, encodeCallCursor, isCursorTimestamp } from "./call-cursor";

describe("call cursor", () => {
  it("round-trips Postgres' full-precision timestamp text and the id", () => {
    const cursor = { startedAt: "2026-11-01 09:15:00.123456+00", id: "4d3c2b1a-0000-4000-8000-000000000001" };
    const encoded = encodeCallCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCallCursor(encoded)).toEqual(cursor);
  });

  it("treats missing, garbled or edited cursors as the first page", () => {
    expect(decodeCallCursor(undefined)).toBeNull();
    expect(decodeCallCursor("not base64 json")).toBeNull();
    expect(decodeCallCursor(Buffer.from(JSON.stringify({ s: "yesterday-ish", i: "4d3c2b1a-0000-4000-8000-000000000001" })).toString("base64url"))).toBeNull();
    expect(decodeCallCursor(Buffer.from(JSON.stringify({ s: "2026-11-01", i: "1; drop table calls" })).toString("base64url"))).toBeNull();
  });

  it("refuses dates Postgres would refuse, which Date.parse takes", () => {
    const cursor = (s: string) => Buffer.from(JSON.stringify({ s, i: "4d3c2b1a-0000-4000-8000-000000000001" })).toString("base64url");
    for (const text of ["1", "2026", "Nov 1 2026", "2026-02-30 10:00:00+00", "2026-11-01 24:00:00+00", "2026-11-01 10:00:00+16", "2026-11-01 10:00:00.1234567Z"]) {
      expect(isCursorTimestamp(text), text).toBe(false);
      expect(decodeCallCursor(cursor(text)), text).toBeNull();
    }
    for (const text of ["2026-11-01 09:15:00+00", "2028-02-29 09:15:00.5+05:30", "2026-11-01T09:15:00.123456Z", "2026-11-01 09:15:00-0330"]) {
      expect(isCursorTimestamp(text), text).toBe(true);
    }
  });
});
