import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";

const PREFIX = /^signkey-[\w]+-/;

/** The keys a caller may prove it holds: the signing key and, while keys rotate, the previous one. */
export type SigningKeys = { signingKey?: string; signingKeyFallback?: string };

/** `X-Inngest-Signature` for a body, as the SDK verifies it: HMAC-SHA256(key sans prefix, JCS(body) + t). */
export function signBody(body: string, signingKey: string, now = Date.now()): string {
  const ts = Math.floor(now / 1000).toString();
  const canonical = canonicalize(JSON.parse(body)) ?? "";
  const mac = createHmac("sha256", signingKey.replace(PREFIX, "")).update(canonical + ts).digest("hex");
  return `t=${ts}&s=${mac}`;
}

/** The JCS form of a JSON value; the executor sends exactly the bytes it signs. */
export function toCanonicalJson(value: unknown): string {
  return canonicalize(value) ?? "null";
}

/** `signkey-<env>-<sha256(hex-decoded key)>`: what the SDK sends as its Bearer token. */
export function hashSigningKey(signingKey: string): string {
  const prefix = signingKey.match(PREFIX)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(signingKey.replace(PREFIX, ""), "hex")).digest("hex");
}

/**
 * Checks an `Authorization: Bearer …` header against the signing key or its fallback, in constant time. The SDK
 * sends the hash of its signing key and, answered 401, the hash of its fallback; Inngest's REST API (`/v1/runs`)
 * takes the key itself, as its documentation shows. Each form of either key is accepted, so the app and the
 * executor can change keys one after the other. With no signing key (a dev server) anything is accepted.
 */
export function isAuthorized(header: string | undefined, keys: SigningKeys): boolean {
  if (!keys.signingKey) return true;
  const candidates = [keys.signingKey, keys.signingKeyFallback]
    .filter((key): key is string => Boolean(key))
    .flatMap((key) => [hashSigningKey(key), key]);
  // Every candidate is compared, so the time taken does not tell which one matched.
  return candidates.map((key) => equalsInConstantTime(header ?? "", `Bearer ${key}`)).includes(true);
}

/** Whether an event key is the configured one, compared in constant time; with none configured, any key is. */
export function isEventKey(given: string, expected: string | undefined): boolean {
  return expected === undefined || equalsInConstantTime(given, expected);
}

/** Compares digests, so neither the content nor the length of the secret leaks through timing. */
function equalsInConstantTime(given: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
