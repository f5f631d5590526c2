import { describe, expect, it } from "vitest";
import { DEVICE_COOKIE_NAME, DEVICE_TOKEN_MAX_AGE_SECONDS, createDeviceToken, readDeviceCookie, verifyDeviceToken } from "./device-token";
import { signText } from "./signed-text";

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

  it("hold for 180 days to the second, and allow a clock a minute ahead but not more", () => {
    const issuedAt = Date.UTC(2026, 0, 1);
    const token = createDeviceToken(SECRET, ADMIN, "device-id-0123456789", issuedAt);
    expect(DEVICE_TOKEN_MAX_AGE_SECONDS).toBe(180 * 24 * 3600);
    expect(verifyDeviceToken(SECRET, token, ADMIN, issuedAt + DEVICE_TOKEN_MAX_AGE_SECONDS * 1000)).toBe("device-id-0123456789");
    expect(verifyDeviceToken(SECRET, token, ADMIN, issuedAt + (DEVICE_TOKEN_MAX_AGE_SECONDS + 1) * 1000)).toBeNull();
    expect(verifyDeviceToken(SECRET, token, ADMIN, issuedAt - 60_000)).toBe("device-id-0123456789");
    expect(verifyDeviceToken(SECRET, token, ADMIN, issuedAt - 61_000)).toBeNull();
  });

  it("refuse a device id that is not 16 to 64 word characters, even signed", () => {
    const tokenFor = (deviceId: string) => createDeviceToken(SECRET, ADMIN, deviceId);
    expect(verifyDeviceToken(SECRET, tokenFor("a".repeat(16)), ADMIN)).toBe("a".repeat(16));
    expect(verifyDeviceToken(SECRET, tokenFor("a-".repeat(32)), ADMIN)).toBe("a-".repeat(32));
    expect(verifyDeviceToken(SECRET, tokenFor("a".repeat(15)), ADMIN)).toBeNull();
    expect(verifyDeviceToken(SECRET, tokenFor("a".repeat(65)), ADMIN)).toBeNull();
    expect(verifyDeviceToken(SECRET, tokenFor(`!${"a".repeat(20)}`), ADMIN)).toBeNull();
    expect(verifyDeviceToken(SECRET, tokenFor(`${"a".repeat(20)}!`), ADMIN)).toBeNull();
  });

  it("are signed for their own purpose, so no other signature of the secret passes for one", () => {
    const deviceId = "device-id-0123456789";
    const issued = Math.floor(Date.now() / 1000);
    const signed = signText(SECRET, "callbridge sign-in device token", `${deviceId}.${issued}.user:${ADMIN}`);
    expect(verifyDeviceToken(SECRET, `${deviceId}.${issued}.${signed}`, ADMIN)).toBe(deviceId);
    const otherPurpose = signText(SECRET, "callbridge session renewal", `${deviceId}.${issued}.user:${ADMIN}`);
    expect(verifyDeviceToken(SECRET, `${deviceId}.${issued}.${otherPurpose}`, ADMIN)).toBeNull();
  });

  it("refuse an issue time that is not a whole number, even signed", () => {
    const deviceId = "device-id-0123456789";
    const signed = signText(SECRET, "callbridge sign-in device token", `${deviceId}.NaN.user:${ADMIN}`);
    expect(verifyDeviceToken(SECRET, `${deviceId}.NaN.${signed}`, ADMIN)).toBeNull();
  });

  it("are read from a Cookie header among others", () => {
    expect(readDeviceCookie(`a=1;${DEVICE_COOKIE_NAME}=id.1.sig=;b=2`)).toBe("id.1.sig=");
    expect(readDeviceCookie(`x${DEVICE_COOKIE_NAME}=other`)).toBeUndefined();
    expect(readDeviceCookie(`authjs.session-token=abc; ${DEVICE_COOKIE_NAME}=id.1.sig; other=1`)).toBe("id.1.sig");
    expect(readDeviceCookie("other=1")).toBeUndefined();
    expect(readDeviceCookie(null)).toBeUndefined();
  });
});
