import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { createDeviceToken, verifyDeviceToken } from "./device-token";
import { createSessionRenewal, readSessionRenewal } from "./session-renewal";
import { isSignatureOf, newestSecret, secretsOf, signText } from "./signed-text";

const OLD = "the-secret-before-rotation-0123456789abcdef";
const NEW = "the-secret-after-rotation-0123456789abcdefg";
const RING = `${NEW}, ${OLD}`;
const USER = "6f1c3a52-0000-4000-8000-000000000001";

describe("AUTH_SECRET as a key ring", () => {
  it("reads one secret or several, comma-separated, newest first", () => {
    expect(secretsOf(OLD)).toEqual([OLD]);
    expect(secretsOf(RING)).toEqual([NEW, OLD]);
    expect(newestSecret(RING)).toBe(NEW);
    expect(() => newestSecret(" , ")).toThrow("AUTH_SECRET is empty");
  });

  it("trims each secret and skips empty ones, in a string or a list", () => {
    expect(secretsOf(` ${NEW} ,, ${OLD} ,`)).toEqual([NEW, OLD]);
    expect(secretsOf([` ${NEW} `, "", " "])).toEqual([NEW]);
  });

  it("signs as HMAC-SHA256 under an HKDF key of the newest secret and the purpose, so tokens outlive a refactoring", () => {
    // Computed once with node:crypto: hkdfSync("sha256", NEW, "", "purpose", 32), then HMAC-SHA256 of "text", base64url.
    expect(signText(RING, "purpose", "text")).toBe("MSBjaCyz7iA6QC2LlrcLprbps365U2QZ09dUSZcshpQ");
  });

  it("refuses a signature of another length without throwing", () => {
    expect(isSignatureOf(RING, "purpose", "text", "short")).toBe(false);
    expect(isSignatureOf(RING, "purpose", "text", "")).toBe(false);
  });

  it("signs with the newest secret and verifies with any, so what the old one signed still holds after a rotation", () => {
    const before = signText(OLD, "purpose", "text");
    expect(signText(RING, "purpose", "text")).toBe(signText(NEW, "purpose", "text"));
    expect(isSignatureOf(RING, "purpose", "text", before)).toBe(true);
    // Once the old secret leaves the ring, what it signed is refused.
    expect(isSignatureOf(NEW, "purpose", "text", before)).toBe(false);
    expect(isSignatureOf(RING, "another purpose", "text", before)).toBe(false);
  });

  it("keeps device cookies and session renewals made before a rotation", () => {
    const device = createDeviceToken(OLD, USER, "device-id-0123456789");
    expect(verifyDeviceToken(RING, device, USER)).toBe("device-id-0123456789");
    expect(verifyDeviceToken(NEW, device, USER)).toBeNull();
    expect(readSessionRenewal(RING, createSessionRenewal(OLD, USER, 3), USER)).toBe(3);
    expect(readSessionRenewal(NEW, createSessionRenewal(OLD, USER, 3), USER)).toBeNull();
  });

  it("gives Auth.js a ring that opens session cookies made with the old secret", async () => {
    const salt = "authjs.session-token";
    const cookie = await encode({ token: { sub: USER }, secret: OLD, salt });
    expect(await decode({ token: cookie, secret: secretsOf(RING), salt })).toMatchObject({ sub: USER });
    await expect(decode({ token: cookie, secret: secretsOf(NEW), salt })).rejects.toThrow();
  });
});
