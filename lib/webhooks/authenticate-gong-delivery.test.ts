import { createHash, randomBytes } from "node:crypto";
import { SignJWT, exportSPKI, generateKeyPair } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "@/lib/crypto/encryption";
import { type WebhookCredentials, authenticateGongDelivery, checkDeliveryBody } from "./authenticate-gong-delivery";

const APP_URL = "https://callbridge.example.com";
const CONNECTION_ID = "6f1c3a52-0000-4000-8000-0000000000c1";
const WEBHOOK_URL = `${APP_URL}/api/webhooks/gong/${CONNECTION_ID}`;
const BODY = new TextEncoder().encode('{"callData":{"metaData":{"id":"1"}}}');
const BODY_SHA256 = createHash("sha256").update(BODY).digest("hex");
const encryptionKey = new Uint8Array(randomBytes(32));

let keys: Awaited<ReturnType<typeof generateKeyPair>>;
let publicKey: string;

beforeAll(async () => {
  keys = await generateKeyPair("RS256", { extractable: true });
  publicKey = await exportSPKI(keys.publicKey);
});

const sign = (claims: Record<string, unknown> = {}) =>
  new SignJWT({ webhook_url: WEBHOOK_URL, body_sha256: BODY_SHA256, exp: Math.floor(Date.now() / 1000) + 300, ...claims })
    .setProtectedHeader({ alg: "RS256" })
    .sign(keys.privateKey);

function jwtConnection(webhookPublicKey: string | null = publicKey): WebhookCredentials {
  return { id: CONNECTION_ID, webhook_auth: "jwt", webhook_public_key: webhookPublicKey, webhook_url_key_encrypted: null };
}

async function urlKeyConnection(key: string | null): Promise<WebhookCredentials> {
  const encrypted = key === null ? null : await encryptSecret(key, encryptionKey);
  return { id: CONNECTION_ID, webhook_auth: "url-key", webhook_public_key: publicKey, webhook_url_key_encrypted: encrypted };
}

const authenticate = (connection: WebhookCredentials, delivery: { authorization?: string | null; urlKey?: string | null }, appUrl = APP_URL) =>
  authenticateGongDelivery({
    connection,
    delivery: { authorization: delivery.authorization ?? null, urlKey: delivery.urlKey ?? null },
    appUrl,
    getEncryptionKey: () => encryptionKey,
  });

describe("authenticateGongDelivery with a signed JWT rule", () => {
  it("accepts a token signed for this connection's webhook URL and hands on the body digest it signed", async () => {
    expect(await authenticate(jwtConnection(), { authorization: await sign() })).toEqual({ ok: true, bodySha256: BODY_SHA256 });
  });

  it("refuses before a public key is saved, whatever the token", async () => {
    expect(await authenticate(jwtConnection(null), { authorization: await sign() })).toEqual({ ok: false, reason: "missing_key" });
  });

  it("says why a token is refused, a malformed one as bad_token", async () => {
    expect(await authenticate(jwtConnection(), { authorization: "not a token" })).toEqual({ ok: false, reason: "bad_token" });
    expect(await authenticate(jwtConnection(), { authorization: null })).toEqual({ ok: false, reason: "bad_token" });
    expect(await authenticate(jwtConnection(), { authorization: await sign({ exp: Math.floor(Date.now() / 1000) - 120 }) })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("checks the token against the URL made from the app's URL, not one the request names", async () => {
    const elsewhere = await sign({ webhook_url: `https://evil.example.com/api/webhooks/gong/${CONNECTION_ID}` });
    expect(await authenticate(jwtConnection(), { authorization: elsewhere })).toEqual({ ok: false, reason: "url_mismatch" });
    expect(await authenticate(jwtConnection(), { authorization: await sign() }, "https://other.example.com")).toEqual({ ok: false, reason: "url_mismatch" });
  });

  it("lets an error that is not a verdict on the delivery through", async () => {
    await expect(authenticate(jwtConnection(), { authorization: await sign() }, "not a url")).rejects.toThrow(TypeError);
  });
});

describe("authenticateGongDelivery with a URL key rule", () => {
  it("accepts the right key, with no body digest to check", async () => {
    expect(await authenticate(await urlKeyConnection("k3y-s3cret"), { urlKey: "k3y-s3cret" })).toEqual({ ok: true, bodySha256: null });
  });

  it("refuses a wrong or missing key, and any key before one is set", async () => {
    expect(await authenticate(await urlKeyConnection("k3y-s3cret"), { urlKey: "k3y-s3cre" })).toEqual({ ok: false, reason: "bad_key" });
    expect(await authenticate(await urlKeyConnection("k3y-s3cret"), { urlKey: null, authorization: await sign() })).toEqual({ ok: false, reason: "bad_key" });
    expect(await authenticate(await urlKeyConnection(null), { urlKey: "k3y-s3cret" })).toEqual({ ok: false, reason: "missing_key" });
  });
});

describe("checkDeliveryBody", () => {
  it("passes the body the token signed, and any body of a URL key delivery", () => {
    expect(checkDeliveryBody({ bodySha256: BODY_SHA256 }, BODY)).toBeNull();
    expect(checkDeliveryBody({ bodySha256: null }, new TextEncoder().encode("anything"))).toBeNull();
  });

  it("refuses a body other than the one signed", () => {
    expect(checkDeliveryBody({ bodySha256: BODY_SHA256 }, new TextEncoder().encode("changed"))).toBe("body_changed");
  });
});
