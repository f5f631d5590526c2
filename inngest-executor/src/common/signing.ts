import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";

const PREFIX = /^signkey-[\w]+-/;

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

/** Checks an `Authorization: Bearer …` header against the hashed signing key in constant time. */
export function isAuthorized(header: string | undefined, signingKey: string | undefined): boolean {
  if (!signingKey) return true;
  const expected = Buffer.from(`Bearer ${hashSigningKey(signingKey)}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
