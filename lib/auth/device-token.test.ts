import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE_NAME, DEVICE_TOKEN_MAX_AGE_SECONDS, createDeviceToken, readDeviceCookie, verifyDeviceToken } from "./device-token";

const SECRET = "a-test-secret-of-at-least-thirty-two-characters";
const ADMIN = "6f1c3a52-0000-4000-8000-000000000001";
const REP = "6f1c3a52-0000-4000-8000-000000000002";

describe("sign-in device tokens", () => {
  it("verify for the user they were issued for and keep the device id", () => {
    const token = createDeviceToken(SECRET, ADMIN);
    const deviceId = verifyDeviceToken(SECRET, token, ADMIN);
    expect(deviceId).toMatch(/^[\w-]{22}$/);
    expect(verifyDeviceToken(SECRET, createDeviceToken(SECRET, ADMIN, deviceId!), ADMIN)).toBe(deviceId);
  });

  it("do not verify for another user, another secret, after tampering or once expired", () => {
    const token = createDeviceToken(SECRET, ADMIN);
    expect(verifyDeviceToken(SECRET, token, REP)).toBeNull();
    expect(verifyDeviceToken(`${SECRET}!`, token, ADMIN)).toBeNull();
    const [id, issued, signature] = token.split(".");
    expect(verifyDeviceToken(SECRET, `${id}x.${issued}.${signature}`, ADMIN)).toBeNull();
    expect(verifyDeviceToken(SECRET, `${id}.${Number(issued) + 1}.${signature}`, ADMIN)).toBeNull();
    expect(verifyDeviceToken(SECRET, `${token}.extra`, ADMIN)).toBeNull();
    expect(verifyDeviceToken(SECRET, undefined, ADMIN)).toBeNull();
    const old = createDeviceToken(SECRET, ADMIN, undefined, Date.now() - (DEVICE_TOKEN_MAX_AGE_SECONDS + 60) * 1000);
    expect(verifyDeviceToken(SECRET, old, ADMIN)).toBeNull();
  });

  it("are read from a Cookie header among others", () => {
    expect(readDeviceCookie(`authjs.session-token=abc; ${DEVICE_COOKIE_NAME}=id.1.sig; other=1`)).toBe("id.1.sig");
    expect(readDeviceCookie("other=1")).toBeUndefined();
    expect(readDeviceCookie(null)).toBeUndefined();
  });
});
