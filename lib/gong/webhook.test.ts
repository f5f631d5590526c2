import { createHash } from "node:crypto";
import { exportSPKI, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import payload from "./__fixtures__/webhook-call-completed.json";
import {
  compareSecret,
  normaliseWebhookUrl,
  parsePublicKey,
  verifyGongWebhook,
  WebhookVerificationError,
  type WebhookFailureReason,
} from "./webhook";

const URL_CONFIGURED = "https://callbridge.example.com/api/webhooks/gong/conn-1?key=abc";
const NOW = new Date("2026-03-01T12:00:00Z");
const nowSeconds = NOW.getTime() / 1000;
const rawBody = JSON.stringify(payload);

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let keys: KeyPair;
let otherKeys: KeyPair;
let pem: string;
let bareKey: string;

beforeAll(async () => {
  keys = await generateKeyPair("RS256", { extractable: true });
  otherKeys = await generateKeyPair("RS256", { extractable: true });
  pem = await exportSPKI(keys.publicKey);
  bareKey = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, "").replace(/\s+/g, "");
});

function sign(claims: Record<string, unknown>, privateKey: CryptoKey | Uint8Array = keys.privateKey, alg = "RS256") {
  return new SignJWT({
    webhook_url: URL_CONFIGURED,
    body_sha256: createHash("sha256").update(rawBody).digest("hex"),
    exp: nowSeconds + 300,
    ...claims,
  })
    .setProtectedHeader({ alg })
    .sign(privateKey);
}

async function reasonOf(promise: Promise<unknown>): Promise<WebhookFailureReason> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof WebhookVerificationError)) throw new Error(`expected WebhookVerificationError, got ${String(error)}`);
  return error.reason;
}

const verify = (authorization: string, overrides: Partial<Parameters<typeof verifyGongWebhook>[0]> = {}) =>
  verifyGongWebhook({ publicKeyBase64: bareKey, authorization, rawBody, expectedUrl: URL_CONFIGURED, now: NOW, ...overrides });

describe("verifyGongWebhook", () => {
  it("accepts a valid delivery and returns its claims", async () => {
    const claims = await verify(await sign({}));
    expect(claims.webhook_url).toBe(URL_CONFIGURED);
    expect(claims.exp).toBe(nowSeconds + 300);
  });

  it("accepts a Bearer prefix, a PEM key and raw body bytes", async () => {
    const token = await sign({});
    const accepted = { webhook_url: URL_CONFIGURED, exp: nowSeconds + 300 };
    await expect(verify(`Bearer ${token}`)).resolves.toMatchObject(accepted);
    await expect(verify(token, { publicKeyBase64: pem })).resolves.toMatchObject(accepted);
    await expect(verify(token, { rawBody: new TextEncoder().encode(rawBody) })).resolves.toMatchObject(accepted);
  });

  it("rejects a changed body", async () => {
    expect(await reasonOf(verify(await sign({}), { rawBody: rawBody.replace("Sales", "Sale$") }))).toBe("body_changed");
  });

  it("rejects a token expired beyond 60 s and accepts one within the leeway", async () => {
    expect(await reasonOf(verify(await sign({ exp: nowSeconds - 61 })))).toBe("expired");
    await expect(verify(await sign({ exp: nowSeconds - 59 }))).resolves.toMatchObject({ exp: nowSeconds - 59 });
  });

  it("refuses a token valid for more than 24 hours, which could be replayed after its call's sync stops being a duplicate", async () => {
    expect(await reasonOf(verify(await sign({ exp: nowSeconds + 24 * 3600 + 1 })))).toBe("long_lived");
    expect(await reasonOf(verify(await sign({ exp: nowSeconds + 365 * 24 * 3600 })))).toBe("long_lived");
    await expect(verify(await sign({ exp: nowSeconds + 24 * 3600 }))).resolves.toMatchObject({ exp: nowSeconds + 24 * 3600 });
  });

  it("rejects a token signed by another key or with another algorithm", async () => {
    expect(await reasonOf(verify(await sign({}, otherKeys.privateKey)))).toBe("bad_signature");
    const hs256 = await sign({}, new Uint8Array(32), "HS256");
    expect(await reasonOf(verify(hs256))).toBe("bad_signature");
  });

  it("rejects a token for another URL but tolerates case and a trailing slash", async () => {
    expect(await reasonOf(verify(await sign({ webhook_url: "https://evil.example.com/api/webhooks/gong/conn-1?key=abc" })))).toBe(
      "url_mismatch",
    );
    expect(await reasonOf(verify(await sign({ webhook_url: "https://callbridge.example.com/api/webhooks/gong/conn-2?key=abc" })))).toBe(
      "url_mismatch",
    );
    const relaxed = "HTTPS://CallBridge.Example.com/api/webhooks/gong/conn-1/?key=abc";
    await expect(verify(await sign({ webhook_url: relaxed }))).resolves.toMatchObject({ webhook_url: relaxed });
  });

  it("rejects malformed tokens and missing claims", async () => {
    expect(await reasonOf(verify(""))).toBe("malformed");
    expect(await reasonOf(verify("not-a-jwt"))).toBe("malformed");
    expect(await reasonOf(verify("aaa.bbb.ccc"))).toBe("malformed");
    expect(await reasonOf(verify(await sign({ body_sha256: undefined })))).toBe("malformed");
    expect(await reasonOf(verify(await sign({}), { publicKeyBase64: "garbage!" }))).toBe("malformed");
  });
});

describe("webhook helpers", () => {
  it("normalises webhook URLs", () => {
    expect(normaliseWebhookUrl("https://A.example.com:443/x/?q=1#frag")).toBe("https://a.example.com/x?q=1");
    expect(normaliseWebhookUrl("http://127.0.0.1:3000/")).toBe("http://127.0.0.1:3000");
  });

  it("parses bare and PEM public keys and explains bad ones", () => {
    const bare = parsePublicKey(bareKey);
    expect(bare).toEqual({ ok: true, spkiBase64: bareKey });
    expect(parsePublicKey(`  ${pem}\n`)).toEqual(bare);
    for (const text of ["", "hello world", "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----", "QUJD"]) {
      const parsed = parsePublicKey(text);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/^That doesn't look like a Gong public key: /);
    }
  });

  it("compares secrets", () => {
    expect(compareSecret("abc", "abc")).toBe(true);
    expect(compareSecret("abc", "abd")).toBe(false);
    expect(compareSecret("abc", "abcd")).toBe(false);
  });
});
