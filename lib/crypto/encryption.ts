import "server-only";
import { CompactEncrypt, base64url, compactDecrypt } from "jose";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Parses a 32-byte key given as base64url (or base64); anything else is a configuration error. */
export function parseEncryptionKey(encoded: string): Uint8Array {
  const key = base64url.decode(encoded.trim().replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  if (key.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes, base64url-encoded");
  return key;
}

/** Encrypts a secret as a compact JWE (`dir` + `A256GCM`): confidentiality and integrity in one string. */
export async function encryptSecret(plaintext: string, key: Uint8Array): Promise<string> {
  return new CompactEncrypt(encoder.encode(plaintext)).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).encrypt(key);
}

export async function decryptSecret(jwe: string, key: Uint8Array): Promise<string> {
  const { plaintext } = await compactDecrypt(jwe, key, { keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] });
  return decoder.decode(plaintext);
}
