import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, parseEncryptionKey } from "./encryption";

describe("secret encryption", () => {
  const key = parseEncryptionKey(randomBytes(32).toString("base64url"));

  it("round-trips and never contains the plaintext", async () => {
    const jwe = await encryptSecret("access-token-123", key);
    expect(jwe.split(".")).toHaveLength(5);
    expect(jwe).not.toContain("access-token-123");
    expect(await decryptSecret(jwe, key)).toBe("access-token-123");
  });

  it("uses a fresh IV each time", async () => {
    expect(await encryptSecret("same", key)).not.toBe(await encryptSecret("same", key));
  });

  it("refuses a wrong key and a tampered ciphertext", async () => {
    const jwe = await encryptSecret("secret", key);
    await expect(decryptSecret(jwe, parseEncryptionKey(randomBytes(32).toString("base64url")))).rejects.toThrow();
    const parts = jwe.split(".");
    parts[3] = `${parts[3]?.startsWith("A") ? "B" : "A"}${parts[3]?.slice(1)}`;
    await expect(decryptSecret(parts.join("."), key)).rejects.toThrow();
  });

  it("accepts base64 keys and rejects keys of the wrong length", () => {
    expect(parseEncryptionKey(randomBytes(32).toString("base64"))).toHaveLength(32);
    expect(() => parseEncryptionKey(randomBytes(16).toString("base64url"))).toThrow(/32 bytes/);
  });
});
