import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signMessage } from "./sign-message";

const CURRENT = `whsec_${Buffer.alloc(32, 1).toString("base64")}`;
const PREVIOUS = `whsec_${Buffer.alloc(32, 2).toString("base64")}`;
const BODY = '{"type":"call.insights_ready"}';
const SENT_AT = new Date("2026-03-01T12:00:00.999Z");
const SECONDS = 1_772_366_400;

/** The Standard Webhooks signature, computed here from the spec rather than by the library under test. */
function expectedSignature(secret: string, messageId: string, seconds: number, body: string): string {
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  return `v1,${createHmac("sha256", key).update(`${messageId}.${seconds}.${body}`).digest("base64")}`;
}

describe("signMessage", () => {
  it("gives the message id, the timestamp in whole seconds (rounded down) and one signature", () => {
    expect(signMessage([CURRENT], "msg_1", SENT_AT, BODY)).toEqual({
      "webhook-id": "msg_1",
      "webhook-timestamp": String(SECONDS),
      "webhook-signature": expectedSignature(CURRENT, "msg_1", SECONDS, BODY),
    });
  });

  it("signs with every secret during a rotation, space-separated, the current one first", () => {
    expect(signMessage([CURRENT, PREVIOUS], "msg_2", SENT_AT, BODY)["webhook-signature"]).toBe(
      `${expectedSignature(CURRENT, "msg_2", SECONDS, BODY)} ${expectedSignature(PREVIOUS, "msg_2", SECONDS, BODY)}`,
    );
  });
});
