import "server-only";
import { createHash, createPublicKey, type KeyObject, timingSafeEqual } from "node:crypto";
import { jwtVerify } from "jose";
import { parsePublicKey } from "./public-key";
import { type WebhookClaims, webhookClaimsSchema } from "./schemas/webhook";

export { parsePublicKey } from "./public-key";

export type WebhookFailureReason = "bad_signature" | "body_changed" | "expired" | "long_lived" | "url_mismatch" | "malformed";

export class WebhookVerificationError extends Error {
  constructor(
    readonly reason: WebhookFailureReason,
    message: string,
  ) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/** Gong's delivery and our clock may disagree a little; never more than this. */
const CLOCK_TOLERANCE_SECONDS = 60;
const MAX_CACHED_KEYS = 256;
const keyCache = new Map<string, KeyObject>();

type TokenInput = {
  publicKeyBase64: string;
  authorization: string | null | undefined;
  expectedUrl: string;
  now?: Date;
};

/**
 * Verifies Gong's "Signed JWT header" webhook authentication (API.md §4.2): RS256 signature with the rule's
 * public key, `exp`, `body_sha256` over the raw body bytes, and `webhook_url` equal to the configured URL.
 */
export async function verifyGongWebhook(input: TokenInput & { rawBody: Uint8Array | string }): Promise<WebhookClaims> {
  const claims = await verifyGongWebhookToken(input);
  verifyGongWebhookBody(claims, input.rawBody);
  return claims;
}

/**
 * Everything but the body: signature, `exp` (and a lifetime of at most 24 hours), `webhook_url`. Checked before the
 * body is read, so a forged delivery costs one signature check, never reading or hashing what it sends.
 */
export async function verifyGongWebhookToken(input: TokenInput): Promise<WebhookClaims> {
  // Gong sends the bare JWT; some receivers see a `Bearer ` prefix, so accept both.
  const token = (input.authorization ?? "").trim().replace(/^Bearer\s+/i, "");
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) throw new WebhookVerificationError("malformed", "No JWT in Authorization");
  const key = importKey(input.publicKeyBase64);
  const payload = await verifyToken(token, key, input.now);
  const claims = webhookClaimsSchema.safeParse(payload);
  if (!claims.success) throw new WebhookVerificationError("malformed", "JWT lacks webhook_url, body_sha256 or exp");
  const nowSeconds = (input.now ?? new Date()).getTime() / 1000;
  // A token valid for longer is refused: a captured delivery could be replayed for as long as its token is valid, and
  // the sync its call id starts is dropped as a duplicate for 24 hours (Inngest's event-id window), not longer.
  // Here rather than a module constant so that mutation testing can see it (docs/TESTING.md).
  const maxLifetimeSeconds = 24 * 60 * 60;
  if (claims.data.exp - nowSeconds > maxLifetimeSeconds) {
    throw new WebhookVerificationError("long_lived", "JWT is valid for more than 24 hours");
  }
  if (normaliseWebhookUrl(claims.data.webhook_url) !== normaliseWebhookUrl(input.expectedUrl)) {
    throw new WebhookVerificationError("url_mismatch", "webhook_url is not this endpoint's URL");
  }
  return claims.data;
}

/** The body is the one the token signed: its SHA-256 is the token's `body_sha256`. */
export function verifyGongWebhookBody(claims: Pick<WebhookClaims, "body_sha256">, rawBody: Uint8Array | string): void {
  if (!isSameDigest(sha256Hex(rawBody), claims.body_sha256)) {
    throw new WebhookVerificationError("body_changed", "Body does not match body_sha256");
  }
}

async function verifyToken(token: string, key: KeyObject, now: Date | undefined) {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ["RS256"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
      requiredClaims: ["exp"],
    });
    return payload;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_JWT_EXPIRED") throw new WebhookVerificationError("expired", "JWT has expired");
    if (code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED" || code === "ERR_JOSE_ALG_NOT_ALLOWED") {
      throw new WebhookVerificationError("bad_signature", "JWT signature does not verify with this public key");
    }
    throw new WebhookVerificationError("malformed", "JWT could not be read");
  }
}

function importKey(publicKey: string): KeyObject {
  const cached = keyCache.get(publicKey);
  if (cached) return cached;
  const parsed = parsePublicKey(publicKey);
  if (!parsed.ok) throw new WebhookVerificationError("malformed", parsed.message);
  const key = createPublicKey({ key: Buffer.from(parsed.spkiBase64, "base64"), format: "der", type: "spki" });
  if (keyCache.size >= MAX_CACHED_KEYS) keyCache.clear();
  keyCache.set(publicKey, key);
  return key;
}

function sha256Hex(body: Uint8Array | string): string {
  return createHash("sha256").update(body).digest("hex");
}

function isSameDigest(actualHex: string, claimedHex: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(claimedHex)) return false;
  const actual = Buffer.from(actualHex, "hex");
  const claimed = Buffer.from(claimedHex, "hex");
  return actual.length === claimed.length && timingSafeEqual(actual, claimed);
}

/** Scheme, lowercased host (with a non-default port), path without trailing slash, and query. */
export function normaliseWebhookUrl(text: string): string {
  try {
    const url = new URL(text.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}${url.search}`;
  } catch {
    return `invalid:${text}`;
  }
}

/** Constant-time comparison for "URL includes key" secrets; hashing first hides the length too. */
export function compareSecret(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  const right = createHash("sha256").update(b).digest();
  return timingSafeEqual(left, right);
}
