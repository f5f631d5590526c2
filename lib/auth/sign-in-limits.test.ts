import { describe, expect, it } from "vitest";
import { listSignInLimits, toRetryAfterMinutes } from "./sign-in-limits";

const ADDRESS = { key: "ip:203.0.113.7", shared: false };
const SHARED = { key: "shared", shared: true };
const address = { key: "ip:203.0.113.7", scope: "address", max: 10 };

describe("toRetryAfterMinutes", () => {
  it("rounds the seconds left up to whole minutes, at least 1 and at most the 15-minute window", () => {
    expect([undefined, -30, 0, 1, 60, 61, 600, 900, 901, 86_400].map(toRetryAfterMinutes)).toEqual([1, 1, 1, 1, 1, 2, 10, 15, 15, 15]);
  });
});

describe("listSignInLimits", () => {
  it("counts an email no account has against the email itself and the client address", () => {
    expect(listSignInLimits({ email: "nobody@acme.test", accountIds: [], client: ADDRESS, knownDevice: null })).toEqual([
      { key: "email:nobody@acme.test", scope: "email", max: 10 },
      address,
    ]);
  });

  it("counts against every account with the email, and against the bucket all clients share when no address is known", () => {
    expect(listSignInLimits({ email: "a@acme.test", accountIds: ["u1", "u2"], client: SHARED, knownDevice: null })).toEqual([
      { key: "user:u1", scope: "email", max: 10 },
      { key: "user:u2", scope: "email", max: 10 },
      { key: "shared", scope: "shared", max: 100 },
    ]);
  });

  it("allows a known device more of its own account's failures, and still counts the address while the email names another account", () => {
    expect(listSignInLimits({ email: "a@acme.test", accountIds: ["u1", "u2"], client: ADDRESS, knownDevice: { deviceId: "d1", userId: "u1" } })).toEqual([
      { key: "user:u1", scope: "email", max: 20 },
      { key: "user:u2", scope: "email", max: 10 },
      { key: "device:d1", scope: "device", max: 10 },
      address,
    ]);
  });

  it("leaves the address out for a device known to every account the email names", () => {
    expect(listSignInLimits({ email: "a@acme.test", accountIds: ["u1"], client: ADDRESS, knownDevice: { deviceId: "d1", userId: "u1" } })).toEqual([
      { key: "user:u1", scope: "email", max: 20 },
      { key: "device:d1", scope: "device", max: 10 },
    ]);
    expect(listSignInLimits({ email: "a@acme.test", accountIds: [], client: ADDRESS, knownDevice: { deviceId: "d1", userId: "u1" } })).toEqual([
      { key: "email:a@acme.test", scope: "email", max: 10 },
      { key: "device:d1", scope: "device", max: 10 },
      address,
    ]);
  });
});
