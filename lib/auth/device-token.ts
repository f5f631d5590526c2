import { randomBytes } from "node:crypto";
import { type SecretRing, isSignatureOf, signText } from "./signed-text";

/**
 * A "device cookie" (OWASP, Slow Down Online Guessing Attacks with Device Cookies): after a successful sign-in the
 * browser keeps a token bound to the account it signed in to, by user id: an email can name accounts in several
 * organizations, and anyone can make one of them. Sign-ins that present it get a larger allowance of that account's
 * failures (lib/auth/sign-in-limits.ts), so nobody can lock a user out by failing sign-ins with their email.
 */
export const DEVICE_COOKIE_NAME = "callbridge.device";
export const DEVICE_TOKEN_MAX_AGE_SECONDS = 180 * 24 * 3600;

const PURPOSE = "callbridge sign-in device token";
const signedText = (deviceId: string, issuedAt: number, userId: string) => `${deviceId}.${issuedAt}.user:${userId}`;

/** A token for this browser and user; keeps `deviceId` when the browser already had one. */
export function createDeviceToken(secret: SecretRing, userId: string, deviceId = randomBytes(16).toString("base64url"), now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${deviceId}.${issuedAt}.${signText(secret, PURPOSE, signedText(deviceId, issuedAt, userId))}`;
}

/** The device id when `token` was issued by us for `userId` and has not expired, else null. */
export function verifyDeviceToken(secret: SecretRing, token: string | undefined, userId: string, now = Date.now()): string | null {
  const [deviceId, issued, signature, ...rest] = (token ?? "").split(".");
  const issuedAt = Number(issued);
  if (!deviceId || !signature || rest.length > 0 || !/^[\w-]{16,64}$/.test(deviceId) || !Number.isInteger(issuedAt)) return null;
  if (now / 1000 - issuedAt > DEVICE_TOKEN_MAX_AGE_SECONDS || issuedAt > now / 1000 + 60) return null;
  return isSignatureOf(secret, PURPOSE, signedText(deviceId, issuedAt, userId), signature) ? deviceId : null;
}

/** The device cookie's value from a Cookie header. */
export function readDeviceCookie(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE_NAME) return value.join("=");
  }
  return undefined;
}
