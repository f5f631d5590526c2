import { describe, expect, it } from "vitest";
import { createSessionRenewal, readSessionRenewal } from "./session-renewal";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const USER = "6f1c3a52-0000-4000-8000-000000000001";

describe("session renewals", () => {
  it("carry the new session version to the user's own session, made on the server", () => {
    expect(readSessionRenewal(SECRET, createSessionRenewal(SECRET, USER, 7), USER)).toBe(7);
  });

  it("hold for 60 seconds from when they were made, to the second", () => {
    const madeAt = Date.UTC(2026, 0, 1);
    const data = createSessionRenewal(SECRET, USER, 7, madeAt);
    expect(readSessionRenewal(SECRET, data, USER, madeAt + 60_000)).toBe(7);
    expect(readSessionRenewal(SECRET, data, USER, madeAt + 61_000)).toBeNull();
  });

  it("carry only a whole session version, and nothing after the signature", () => {
    expect(readSessionRenewal(SECRET, createSessionRenewal(SECRET, USER, Number.NaN), USER)).toBeNull();
    const { renewal } = createSessionRenewal(SECRET, USER, 7);
    expect(readSessionRenewal(SECRET, { renewal: `${renewal}.more` }, USER)).toBeNull();
    expect(readSessionRenewal(SECRET, { renewal: renewal.slice(0, renewal.lastIndexOf(".") + 1) }, USER)).toBeNull();
  });

  it("move nothing when the browser writes the update itself, forges, replays late or borrows another user's", () => {
    // POST /api/auth/session lets a browser send any data with trigger "update".
    for (const data of [{ sessionVersion: 7 }, { renewal: `${USER}.7.9999999999.forged` }, null, undefined, "x"]) {
      expect(readSessionRenewal(SECRET, data, USER)).toBeNull();
    }
    expect(readSessionRenewal(SECRET, createSessionRenewal(`${SECRET}!`, USER, 7), USER)).toBeNull();
    expect(readSessionRenewal(SECRET, createSessionRenewal(SECRET, "6f1c3a52-0000-4000-8000-000000000002", 7), USER)).toBeNull();
    expect(readSessionRenewal(SECRET, createSessionRenewal(SECRET, USER, 7, Date.now() - 120_000), USER)).toBeNull();
    const { renewal } = createSessionRenewal(SECRET, USER, 7);
    expect(readSessionRenewal(SECRET, { renewal: renewal.replace(".7.", ".8.") }, USER)).toBeNull();
  });
});
