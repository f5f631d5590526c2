import { createHash, generateKeyPairSync, type KeyObject } from "node:crypto";
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

function sign(claims: Record<string, unknown>, privateKey: CryptoKey | KeyObject | Uint8Array = keys.privateKey, alg = "RS256") {
  return new SignJWT({
    webhook_url: URL_CONFIGURED,
    body_sha256: createHash("sha256").update(rawBody).digest("hex"),
    exp: nowSeconds + 300,
    ...claims,
  })
    .setProtectedHeader({ alg })
    .sign(privateKey);
}

type Failure = { reason: WebhookFailureReason; message: string };

async function failureOf(promise: Promise<unknown>): Promise<Failure> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof WebhookVerificationError)) throw new Error(`expected WebhookVerificationError, got ${String(error)}`);
  expect(error.name).toBe("WebhookVerificationError");
  return { reason: error.reason, message: error.message };
}

const verify = (authorization: string | null, overrides: Partial<Parameters<typeof verifyGongWebhook>[0]> = {}) =>
  verifyGongWebhook({ publicKeyBase64: bareKey, authorization, rawBody, expectedUrl: URL_CONFIGURED, now: NOW, ...overrides });

const NO_JWT: Failure = { reason: "malformed", message: "No JWT in Authorization" };
const UNREADABLE: Failure = { reason: "malformed", message: "JWT could not be read" };
const BAD_SIGNATURE: Failure = { reason: "bad_signature", message: "JWT signature does not verify with this public key" };
const BODY_CHANGED: Failure = { reason: "body_changed", message: "Body does not match body_sha256" };
const URL_MISMATCH: Failure = { reason: "url_mismatch", message: "webhook_url is not this endpoint's URL" };

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

  it("accepts surrounding whitespace, any whitespace after Bearer and the prefix in any case", async () => {
    const token = await sign({});
    const accepted = { webhook_url: URL_CONFIGURED };
    await expect(verify(` ${token}\t`)).resolves.toMatchObject(accepted);
    await expect(verify(`Bearer \t ${token}`)).resolves.toMatchObject(accepted);
    await expect(verify(`bearer ${token}`)).resolves.toMatchObject(accepted);
  });

  it("finds no JWT when Bearer is not the header's start or the token is not all of the rest", async () => {
    const token = await sign({});
    expect(await failureOf(verify(`xBearer ${token}`))).toEqual(NO_JWT);
    expect(await failureOf(verify(`!${token}`))).toEqual(NO_JWT);
    expect(await failureOf(verify(`${token}!`))).toEqual(NO_JWT);
    expect(await failureOf(verify(`${token} ${token}`))).toEqual(NO_JWT);
  });

  it("rejects a changed body", async () => {
    expect(await failureOf(verify(await sign({}), { rawBody: rawBody.replace("Sales", "Sale$") }))).toEqual(BODY_CHANGED);
  });

  it("rejects a body_sha256 that is not exactly 64 hex digits, even when it starts with the right digest", async () => {
    const digest = createHash("sha256").update(rawBody).digest("hex");
    expect(await failureOf(verify(await sign({ body_sha256: `${digest}zz` })))).toEqual(BODY_CHANGED);
    expect(await failureOf(verify(await sign({ body_sha256: "not hex" })))).toEqual(BODY_CHANGED);
    await expect(verify(await sign({ body_sha256: digest.toUpperCase() }))).resolves.toMatchObject({ body_sha256: digest.toUpperCase() });
  });

  it("rejects a token expired beyond 60 s and accepts one within the leeway", async () => {
    expect(await failureOf(verify(await sign({ exp: nowSeconds - 61 })))).toEqual({ reason: "expired", message: "JWT has expired" });
    await expect(verify(await sign({ exp: nowSeconds - 59 }))).resolves.toMatchObject({ exp: nowSeconds - 59 });
  });

  it("refuses a token valid for more than 24 hours, which could be replayed after its call's sync stops being a duplicate", async () => {
    const longLived: Failure = { reason: "long_lived", message: "JWT is valid for more than 24 hours" };
    expect(await failureOf(verify(await sign({ exp: nowSeconds + 24 * 3600 + 1 })))).toEqual(longLived);
    expect(await failureOf(verify(await sign({ exp: nowSeconds + 365 * 24 * 3600 })))).toEqual(longLived);
    await expect(verify(await sign({ exp: nowSeconds + 24 * 3600 }))).resolves.toMatchObject({ exp: nowSeconds + 24 * 3600 });
  });

  it("rejects a token signed by another key or with another algorithm, even one the right RSA key can make", async () => {
    expect(await failureOf(verify(await sign({}, otherKeys.privateKey)))).toEqual(BAD_SIGNATURE);
    const hs256 = await sign({}, new Uint8Array(32), "HS256");
    expect(await failureOf(verify(hs256))).toEqual(BAD_SIGNATURE);
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const publicKeyBase64 = publicKey.export({ format: "der", type: "spki" }).toString("base64");
    await expect(verify(await sign({}, privateKey), { publicKeyBase64 })).resolves.toMatchObject({ webhook_url: URL_CONFIGURED });
    expect(await failureOf(verify(await sign({}, privateKey, "RS512"), { publicKeyBase64 }))).toEqual(BAD_SIGNATURE);
  });

  it("rejects a token for another URL but tolerates case and a trailing slash", async () => {
    expect(await failureOf(verify(await sign({ webhook_url: "https://evil.example.com/api/webhooks/gong/conn-1?key=abc" })))).toEqual(
      URL_MISMATCH,
    );
    expect(await failureOf(verify(await sign({ webhook_url: "https://callbridge.example.com/api/webhooks/gong/conn-2?key=abc" })))).toEqual(
      URL_MISMATCH,
    );
    const relaxed = "HTTPS://CallBridge.Example.com/api/webhooks/gong/conn-1/?key=abc";
    await expect(verify(await sign({ webhook_url: relaxed }))).resolves.toMatchObject({ webhook_url: relaxed });
  });

  it("rejects malformed tokens and missing claims, saying which", async () => {
    expect(await failureOf(verify(""))).toEqual(NO_JWT);
    expect(await failureOf(verify(null))).toEqual(NO_JWT);
    expect(await failureOf(verify("not-a-jwt"))).toEqual(NO_JWT);
    expect(await failureOf(verify("aaa.bbb.ccc"))).toEqual(UNREADABLE);
    // jose itself insists on exp, before the claims are read.
    expect(await failureOf(verify(await sign({ exp: undefined })))).toEqual(UNREADABLE);
    expect(await failureOf(verify(await sign({ body_sha256: undefined })))).toEqual({
      reason: "malformed",
      message: "JWT lacks webhook_url, body_sha256 or exp",
    });
    expect(await failureOf(verify(await sign({}), { publicKeyBase64: "garbage!" }))).toEqual({
      reason: "malformed",
      message: "That doesn't look like a Gong public key: it contains characters that are not base64.",
    });
  });
});

describe("webhook helpers", () => {
  it("normalises webhook URLs", () => {
    expect(normaliseWebhookUrl("https://A.example.com:443/x/?q=1#frag")).toBe("https://a.example.com/x?q=1");
    expect(normaliseWebhookUrl("http://127.0.0.1:3000/")).toBe("http://127.0.0.1:3000");
    expect(normaliseWebhookUrl("https://a.example.com/x///")).toBe("https://a.example.com/x");
    expect(normaliseWebhookUrl("\u00a0https://a.example.com/x\u00a0")).toBe("https://a.example.com/x");
  });

  it("keeps what is not a URL apart from any URL and from other text", () => {
    expect(normaliseWebhookUrl("not a url")).toBe("invalid:not a url");
    expect(normaliseWebhookUrl("")).toBe("invalid:");
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
