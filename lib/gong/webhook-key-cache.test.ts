import * as crypto from "node:crypto";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verifyGongWebhookToken } from "./webhook";

// node:crypto is Node's, not ours: createPublicKey is wrapped, not replaced, to count how often a key is read. Every
// read of an uncached key calls it twice (parsePublicKey checks the key, importKey imports the canonical form).
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, createPublicKey: vi.fn(actual.createPublicKey) };
});

const URL = "https://callbridge.test/api/webhooks/gong/conn-1";
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
const bareKey = publicKey.export({ type: "spki", format: "der" }).toString("base64");
let token: string;

beforeAll(async () => {
  token = await new SignJWT({ webhook_url: URL, body_sha256: "0".repeat(64) })
    .setProtectedHeader({ alg: "RS256" })
    .setExpirationTime("5m")
    .sign(privateKey);
});

/** The same key as an admin might paste it, with `n` line breaks inside: another text, so another cache entry. */
const variant = (n: number) => `${bareKey.slice(0, 64)}${"\n".repeat(n)}${bareKey.slice(64)}`;

/** How many times createPublicKey runs while `variant(n)` verifies a token: 0 when the key is cached, 2 when not. */
async function keyReadsFor(n: number): Promise<number> {
  const before = vi.mocked(crypto.createPublicKey).mock.calls.length;
  const claims = await verifyGongWebhookToken({ publicKeyBase64: variant(n), authorization: token, expectedUrl: URL });
  expect(claims.webhook_url).toBe(URL);
  return vi.mocked(crypto.createPublicKey).mock.calls.length - before;
}

describe("verifyGongWebhookToken's key cache", () => {
  it("reads each key once while it is cached, and holds 256 keys at most", async () => {
    expect([await keyReadsFor(0), await keyReadsFor(0), await keyReadsFor(1), await keyReadsFor(0)]).toEqual([2, 0, 2, 0]);
    // 256 keys cached: the first is still there.
    for (let n = 2; n < 256; n++) expect(await keyReadsFor(n)).toBe(2);
    expect(await keyReadsFor(0)).toBe(0);
    // The 257th starts the cache afresh: the first is read again, the 257th is kept.
    expect([await keyReadsFor(256), await keyReadsFor(0), await keyReadsFor(256)]).toEqual([2, 2, 0]);
  });
});
