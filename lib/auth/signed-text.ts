import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * AUTH_SECRET as a key ring: one secret, or several comma-separated, newest first. The newest signs; any of them
 * verifies, so a secret can be rotated without signing everyone out (Auth.js takes the same ring for its cookies).
 */
export type SecretRing = string | readonly string[];

/** The secrets of a ring, newest first. */
export function secretsOf(ring: SecretRing): string[] {
  return (typeof ring === "string" ? ring.split(",") : [...ring]).map((secret) => secret.trim()).filter(Boolean);
}

/** The secret a ring signs with: its newest. */
export function newestSecret(ring: SecretRing): string {
  const [newest] = secretsOf(ring);
  if (!newest) throw new Error("AUTH_SECRET is empty");
  return newest;
}

/** An HMAC of `text` under a key derived from `secret` for one `purpose`, so no signature serves two purposes. */
export function signText(ring: SecretRing, purpose: string, text: string): string {
  const key = Buffer.from(hkdfSync("sha256", newestSecret(ring), "", purpose, 32));
  return createHmac("sha256", key).update(text).digest("base64url");
}

/** Whether `signature` is signText's for `text` under any secret of the ring, compared in constant time. */
export function isSignatureOf(ring: SecretRing, purpose: string, text: string, signature: string): boolean {
  const given = Buffer.from(signature);
  return secretsOf(ring).some((secret) => {
    const expected = Buffer.from(signText(secret, purpose, text));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
