import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseEncryptionKey } from "@/lib/crypto/encryption";
import { createEndpointSecret, issueEndpointSecret, previousSecretExpiresAt, readSigningSecrets } from "./endpoint-secret";

const key = parseEncryptionKey(randomBytes(32).toString("base64url"));
const NOW = new Date("2026-03-01T12:00:00Z");

async function endpointWith(previous: { secret?: string; expiresAt: Date | string | null }) {
  return {
    secret_encrypted: await encryptSecret("whsec_current", key),
    previous_secret_encrypted: previous.secret === undefined ? null : await encryptSecret(previous.secret, key),
    previous_secret_expires_at: previous.expiresAt,
  };
}

describe("endpoint signing secrets", () => {
  it("makes a whsec_ secret of 32 random bytes in base64, a new one each time", () => {
    const secret = createEndpointSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(32);
    expect(createEndpointSecret()).not.toBe(secret);
  });

  it("issues a secret with its encrypted form, which the key opens", async () => {
    const { secret, encrypted } = await issueEndpointSecret(key);
    expect(secret).toMatch(/^whsec_/);
    expect(encrypted).not.toContain(secret);
    expect(await decryptSecret(encrypted, key)).toBe(secret);
  });

  it("keeps the previous secret valid for 24 hours after a rotation", () => {
    expect(previousSecretExpiresAt(NOW)).toEqual(new Date("2026-03-02T12:00:00Z"));
  });

  it("signs with the current secret alone when there is no previous one", async () => {
    expect(await readSigningSecrets(await endpointWith({ expiresAt: null }), key, NOW)).toEqual(["whsec_current"]);
    expect(await readSigningSecrets(await endpointWith({ expiresAt: new Date("2026-03-02T00:00:00Z") }), key, NOW)).toEqual(["whsec_current"]);
    expect(await readSigningSecrets(await endpointWith({ secret: "whsec_previous", expiresAt: null }), key, NOW)).toEqual(["whsec_current"]);
  });

  it("signs with the current and the previous secret until the previous one's window ends", async () => {
    const until = (expiresAt: Date | string) => endpointWith({ secret: "whsec_previous", expiresAt });
    expect(await readSigningSecrets(await until(new Date(NOW.getTime() + 1)), key, NOW)).toEqual(["whsec_current", "whsec_previous"]);
    expect(await readSigningSecrets(await until("2026-03-01T12:00:01Z"), key, NOW)).toEqual(["whsec_current", "whsec_previous"]);
    expect(await readSigningSecrets(await until(NOW), key, NOW)).toEqual(["whsec_current"]);
    expect(await readSigningSecrets(await until("2026-03-01T11:59:59Z"), key, NOW)).toEqual(["whsec_current"]);
  });

  it("reads the window against the current time by default", async () => {
    const endpoint = await endpointWith({ secret: "whsec_previous", expiresAt: new Date(Date.now() + 60_000) });
    expect(await readSigningSecrets(endpoint, key)).toEqual(["whsec_current", "whsec_previous"]);
  });
});
