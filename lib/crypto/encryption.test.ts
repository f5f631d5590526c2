import { randomBytes } from "node:crypto";
import { CompactEncrypt } from "jose";
import { describe, expect, it } from "vitest";
import { EncryptionKeyMismatchError, decryptSecret, encryptSecret, isEncryptedWithOlderKey, parseEncryptionKey, parseEncryptionKeyRing } from "./encryption";

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

describe("key ring", () => {
  const oldKey = parseEncryptionKey(randomBytes(32).toString("base64url"));
  const newKey = parseEncryptionKey(randomBytes(32).toString("base64url"));

  it("parses comma-separated keys, newest first, and names a bad one", () => {
    const text = `${Buffer.from(newKey).toString("base64url")}, ${Buffer.from(oldKey).toString("base64url")}`;
    expect(parseEncryptionKeyRing(text).map((key) => Buffer.from(key).toString("hex"))).toEqual([newKey, oldKey].map((key) => Buffer.from(key).toString("hex")));
    expect(() => parseEncryptionKeyRing(`${text},short`)).toThrow(/key 3 of 3/);
  });

  it("encrypts with the newest key and decrypts with any key of the ring", async () => {
    const old = await encryptSecret("old-secret", oldKey);
    expect(isEncryptedWithOlderKey(old, [newKey, oldKey])).toBe(true);
    expect(await decryptSecret(old, [newKey, oldKey])).toBe("old-secret");
    const fresh = await encryptSecret("new-secret", [newKey, oldKey]);
    expect(isEncryptedWithOlderKey(fresh, [newKey, oldKey])).toBe(false);
    expect(await decryptSecret(fresh, newKey)).toBe("new-secret");
  });

  it("says plainly when no key of the ring opens a secret, with or without a key id", async () => {
    const other = parseEncryptionKey(randomBytes(32).toString("base64url"));
    await expect(decryptSecret(await encryptSecret("x", oldKey), [newKey, other])).rejects.toBeInstanceOf(EncryptionKeyMismatchError);
    // As stored before key rings: no `kid` in the header.
    const legacy = await new CompactEncrypt(new TextEncoder().encode("legacy")).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).encrypt(oldKey);
    expect(await decryptSecret(legacy, [newKey, oldKey])).toBe("legacy");
    await expect(decryptSecret(legacy, [newKey])).rejects.toBeInstanceOf(EncryptionKeyMismatchError);
  });
});
