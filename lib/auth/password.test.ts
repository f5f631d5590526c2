import { describe, expect, it } from "vitest";
import { generateOneTimePassword, hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
  });

  it("takes a password typed with compatibility characters as the same password (NFKC)", async () => {
    const hash = await hashPassword("\ufb01ne \uff21");
    expect(await verifyPassword("fine A", hash)).toBe(true);
  });

  it("refuses a hash of another scheme or a key of another length, even with a matching salt", async () => {
    const hash = await hashPassword("same");
    expect(await verifyPassword("same", hash.replace(/^scrypt\$/, "bcrypt$"))).toBe(false);
    const [scheme, cost, blockSize, parallelism, salt, key] = hash.split("$");
    const shortKey = Buffer.from(key!, "base64").subarray(0, 16).toString("base64");
    expect(await verifyPassword("same", [scheme, cost, blockSize, parallelism, salt, shortKey].join("$"))).toBe(false);
  });

  it("still verifies a hash stored before, so stored passwords outlive a refactoring", async () => {
    // Made once with scryptSync(password, 16 bytes of 7, 32, { N: 32768, r: 8, p: 1 }).
    const stored = "scrypt$32768$8$1$BwcHBwcHBwcHBwcHBwcHBw==$QYAB8iRCaw/aP2F0KXp69lKXJdLU9RkueL/IsoUdblU=";
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same")).not.toBe(await hashPassword("same"));
  });

  it("rejects malformed stored hashes instead of throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$whatever")).toBe(false);
  });

  it("generates distinct 16-character one-time passwords", () => {
    const first = generateOneTimePassword();
    expect(first).toMatch(/^[a-zA-Z2-9]{16}$/);
    expect(generateOneTimePassword()).not.toBe(first);
  });
});
