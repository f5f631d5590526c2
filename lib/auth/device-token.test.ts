import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE_NAME, DEVICE_TOKEN_MAX_AGE_SECONDS, createDeviceToken, readDeviceCookie, verifyDeviceToken } from "./device-token";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";

describe("sign-in device tokens", () => {
  it("verify for the email they were issued for, case-insensitively, and keep the device id", () => {
    const token = createDeviceToken(SECRET, "Admin@Acme.test");
    const deviceId = verifyDeviceToken(SECRET, token, "admin@acme.test");
    expect(deviceId).toMatch(/^[\w-]{22}$/);
    expect(verifyDeviceToken(SECRET, createDeviceToken(SECRET, "admin@acme.test", deviceId!), "admin@acme.test")).toBe(deviceId);
  });

  it("do not verify for another email, another secret, after tampering or once expired", () => {
    const token = createDeviceToken(SECRET, "admin@acme.test");
    expect(verifyDeviceToken(SECRET, token, "rep@acme.test")).toBeNull();
    expect(verifyDeviceToken(`${SECRET}!`, token, "admin@acme.test")).toBeNull();
    const [id, issued, signature] = token.split(".");
    expect(verifyDeviceToken(SECRET, `${id}x.${issued}.${signature}`, "admin@acme.test")).toBeNull();
    expect(verifyDeviceToken(SECRET, `${id}.${Number(issued) + 1}.${signature}`, "admin@acme.test")).toBeNull();
    expect(verifyDeviceToken(SECRET, `${token}.extra`, "admin@acme.test")).toBeNull();
    expect(verifyDeviceToken(SECRET, undefined, "admin@acme.test")).toBeNull();
    const old = createDeviceToken(SECRET, "admin@acme.test", undefined, Date.now() - (DEVICE_TOKEN_MAX_AGE_SECONDS + 60) * 1000);
    expect(verifyDeviceToken(SECRET, old, "admin@acme.test")).toBeNull();
  });

  it("are read from a Cookie header among others", () => {
    expect(readDeviceCookie(`authjs.session-token=abc; ${DEVICE_COOKIE_NAME}=id.1.sig; other=1`)).toBe("id.1.sig");
    expect(readDeviceCookie("other=1")).toBeUndefined();
    expect(readDeviceCookie(null)).toBeUndefined();
  });
});
