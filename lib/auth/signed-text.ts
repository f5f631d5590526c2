import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** An HMAC of `text` under a key derived from `secret` for one `purpose`, so no signature serves two purposes. */
export function signText(secret: string, purpose: string, text: string): string {
  const key = Buffer.from(hkdfSync("sha256", secret, "", purpose, 32));
  return createHmac("sha256", key).update(text).digest("base64url");
}

/** Whether `signature` is signText's for `text`, compared in constant time. */
export function isSignatureOf(secret: string, purpose: string, text: string, signature: string): boolean {
  const expected = Buffer.from(signText(secret, purpose, text));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
