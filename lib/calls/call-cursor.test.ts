import { describe, expect, it } from "vitest";
import { decodeCallCursor, encodeCallCursor } from "./call-cursor";

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
});
