import { describe, expect, it } from "vitest";
import { parseGongWebhookPayload } from "./gong-webhook-payload";

const bytesOf = (value: unknown) => new TextEncoder().encode(typeof value === "string" ? value : JSON.stringify(value));
const call = (id: unknown, extra: Record<string, unknown> = {}) => ({ callData: { metaData: { id, title: "Demo" }, parties: [{ odd: true }] }, ...extra });

describe("parseGongWebhookPayload", () => {
  it("reads the call id and whether it is a test, keeping the rest of the payload as Gong sent it", () => {
    expect(parseGongWebhookPayload(bytesOf(call("7782342274025937895", { isTest: true })))).toEqual({
      isTest: true,
      callData: { metaData: { id: "7782342274025937895", title: "Demo" }, parties: [{ odd: true }] },
    });
  });

  it("takes a missing or null isTest as a real delivery", () => {
    expect(parseGongWebhookPayload(bytesOf(call("1")))?.isTest).toBe(false);
    expect(parseGongWebhookPayload(bytesOf(call("1", { isTest: null })))?.isTest).toBe(false);
    expect(parseGongWebhookPayload(bytesOf(call("1", { isTest: false })))?.isTest).toBe(false);
  });

  it("accepts a call id of 1 to 20 digits and nothing else", () => {
    expect(parseGongWebhookPayload(bytesOf(call("9".repeat(20))))?.callData.metaData.id).toBe("9".repeat(20));
    for (const id of ["", "9".repeat(21), "x123", "123x", "12 3", 123, null]) {
      expect(parseGongWebhookPayload(bytesOf(call(id)))).toBeUndefined();
    }
  });

  it("refuses what is not JSON, not UTF-8, or not a call", () => {
    expect(parseGongWebhookPayload(bytesOf("{"))).toBeUndefined();
    expect(parseGongWebhookPayload(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeUndefined();
    const invalidUtf8InAString = Buffer.concat([Buffer.from('{"callData":{"metaData":{"id":"1","title":"'), Buffer.from([0xff]), Buffer.from('"}}}')]);
    expect(parseGongWebhookPayload(new Uint8Array(invalidUtf8InAString))).toBeUndefined();
    expect(parseGongWebhookPayload(bytesOf({ isTest: true }))).toBeUndefined();
    expect(parseGongWebhookPayload(bytesOf({ callData: {} }))).toBeUndefined();
    expect(parseGongWebhookPayload(bytesOf(call("1", { isTest: "yes" })))).toBeUndefined();
  });
});
