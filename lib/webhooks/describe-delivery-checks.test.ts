import { describe, expect, it } from "vitest";
import { describeDeliveryChecks } from "./describe-delivery-checks";

const states = (delivery: Parameters<typeof describeDeliveryChecks>[0]) =>
  Object.fromEntries(describeDeliveryChecks(delivery).checks.map((check) => [check.label, check.state]));

describe("a webhook delivery's checks, told from its verdict", () => {
  it("passes every check of an accepted signed delivery, in the receiver's order", () => {
    const { checks, verdict } = describeDeliveryChecks({ auth: "jwt", outcome: "accepted", reason: null, isTest: false });
    expect(checks.map((check) => check.label)).toEqual([
      "Connection", "Content-Length", "Public key", "Authorization", "Signature", "exp", "body_sha256", "webhook_url", "Payload", "Sync queued",
    ]);
    expect(new Set(checks.map((check) => check.state))).toEqual(new Set(["passed"]));
    expect(verdict).toMatch(/^Verified and accepted/);
  });

  it("marks the check a rejection failed, those before it passed and those after it not reached", () => {
    expect(states({ auth: "jwt", outcome: "rejected", reason: "body_changed", isTest: false })).toEqual({
      Connection: "passed", "Content-Length": "passed", "Public key": "passed", Authorization: "passed", Signature: "passed", exp: "passed",
      body_sha256: "failed", webhook_url: "not_reached", Payload: "not_reached", "Sync queued": "not_reached",
    });
    expect(states({ auth: "url-key", outcome: "rejected", reason: "bad_key", isTest: false })).toEqual({
      Connection: "passed", "Content-Length": "passed", "URL key": "passed", key: "failed", Payload: "not_reached", "Sync queued": "not_reached",
    });
  });

  it("places a rejection at the very first check", () => {
    expect(states({ auth: "url-key", outcome: "rejected", reason: "revoked_connection", isTest: false })).toEqual({
      Connection: "failed", "Content-Length": "not_reached", "URL key": "not_reached", key: "not_reached", Payload: "not_reached", "Sync queued": "not_reached",
    });
  });

  it("tells the method of an older delivery from its reason, and leaves a test's sync out", () => {
    expect(describeDeliveryChecks({ auth: null, outcome: "rejected", reason: "expired", isTest: false }).auth).toBe("jwt");
    expect(describeDeliveryChecks({ auth: null, outcome: "rejected", reason: "bad_key", isTest: false }).auth).toBe("url-key");
    expect(Object.keys(states({ auth: null, outcome: "test", reason: null, isTest: true }))).toEqual(["Connection", "Content-Length", "Payload"]);
  });

  it("does not take a missing key for a signed rule's, as both methods can lack one", () => {
    expect(describeDeliveryChecks({ auth: null, outcome: "rejected", reason: "missing_key", isTest: false }).auth).toBeNull();
    expect(describeDeliveryChecks({ auth: null, outcome: "accepted", reason: null, isTest: false }).auth).toBeNull();
  });

  it("leaves the sync out of a held delivery's checks, which stopped at the payload", () => {
    expect(states({ auth: "url-key", outcome: "deferred", reason: null, isTest: false })).toEqual({
      Connection: "passed", "Content-Length": "passed", "URL key": "passed", key: "passed", Payload: "passed",
    });
  });

  it("words the verdict of each outcome", () => {
    const verdict = (outcome: string, reason: string | null, isTest = false) => describeDeliveryChecks({ auth: "jwt", outcome, reason, isTest }).verdict;
    expect(verdict("rejected", "expired")).toBe("Rejected: Signed token had expired.");
    expect(verdict("rejected", "expired", true)).toBe("Rejected: Signed token had expired.");
    expect(verdict("test", null)).toBe("Verified test delivery from Gong; nothing was synced.");
    expect(verdict("accepted", null, true)).toBe("Verified test delivery from Gong; nothing was synced.");
    expect(verdict("deferred", null)).toBe("Verified, and held: Gong needed re-authorization, so the call syncs once Gong is reconnected.");
    expect(verdict("accepted", null)).toBe("Verified and accepted; the call's sync was queued.");
  });

  it("does not guess how far a rejection for a reason it does not know got", () => {
    const { checks } = describeDeliveryChecks({ auth: "jwt", outcome: "rejected", reason: "stale_timestamp", isTest: false });
    expect(checks.slice(0, -1).map((check) => check.state)).toEqual(Array<string>(10).fill("unknown"));
    expect(checks.at(-1)).toMatchObject({ label: "Rejected", detail: "stale_timestamp", state: "failed" });
  });
});
