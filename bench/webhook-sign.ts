import { createHash } from "node:crypto";
import { SignJWT } from "jose";

/** Signs a body the way Gong's "Signed JWT header" does (API.md §4.2). */
export function signGongDelivery(body: string, webhookUrl: string, privateKey: CryptoKey): Promise<string> {
  return new SignJWT({ webhook_url: webhookUrl, body_sha256: createHash("sha256").update(body).digest("hex") })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
    .sign(privateKey);
}
