import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * A "device cookie" (OWASP, Slow Down Online Guessing Attacks with Device Cookies): after a successful sign-in the
 * browser keeps a token bound to that email. Sign-ins that present it count their failures against the device, not
 * against the email, so nobody can lock an admin out from elsewhere by failing sign-ins with the admin's email.
 */
export const DEVICE_COOKIE_NAME = "callbridge.device";
export const DEVICE_TOKEN_MAX_AGE_SECONDS = 180 * 24 * 3600;

function deriveKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", "callbridge sign-in device token", 32));
}

function sign(secret: string, deviceId: string, issuedAt: number, email: string): string {
  return createHmac("sha256", deriveKey(secret)).update(`${deviceId}.${issuedAt}.${email.trim().toLowerCase()}`).digest("base64url");
}

/** A token for this browser and email; keeps `deviceId` when the browser already had one. */
export function createDeviceToken(secret: string, email: string, deviceId = randomBytes(16).toString("base64url"), now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${deviceId}.${issuedAt}.${sign(secret, deviceId, issuedAt, email)}`;
}

/** The device id when `token` was issued by us for `email` and has not expired, else null. */
export function verifyDeviceToken(secret: string, token: string | undefined, email: string, now = Date.now()): string | null {
  const [deviceId, issued, signature, ...rest] = (token ?? "").split(".");
  const issuedAt = Number(issued);
  if (!deviceId || !signature || rest.length > 0 || !/^[\w-]{16,64}$/.test(deviceId) || !Number.isInteger(issuedAt)) return null;
  if (now / 1000 - issuedAt > DEVICE_TOKEN_MAX_AGE_SECONDS || issuedAt > now / 1000 + 60) return null;
  const expected = Buffer.from(sign(secret, deviceId, issuedAt, email));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? deviceId : null;
}

/** The device cookie's value from a Cookie header. */
export function readDeviceCookie(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE_NAME) return value.join("=");
  }
  return undefined;
}
