import "server-only";
import { createHash } from "node:crypto";
import { CompactEncrypt, base64url, compactDecrypt, decodeProtectedHeader } from "jose";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * One key, or a key ring: the newest key first (it encrypts), older keys after it (they still decrypt what
 * they encrypted, until `npm run rotate-token-key` has re-encrypted everything with the newest).
 */
export type EncryptionKeys = Uint8Array | readonly Uint8Array[];

/** A stored secret that no key of the ring can open: TOKEN_ENCRYPTION_KEY lost or replaced, not a Gong problem. */
export class EncryptionKeyMismatchError extends Error {
  constructor(message = "A stored secret was encrypted with a key that is not in TOKEN_ENCRYPTION_KEY; put the previous key back (after the new one, comma-separated).") {
    super(message);
    this.name = "EncryptionKeyMismatchError";
  }
}

/** Parses a 32-byte key given as base64url (or base64); anything else is a configuration error. */
export function parseEncryptionKey(encoded: string): Uint8Array {
  const key = base64url.decode(encoded.trim().replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  if (key.length !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes, base64url-encoded");
  return key;
}

/** Parses TOKEN_ENCRYPTION_KEY as a comma-separated key ring, newest first. */
export function parseEncryptionKeyRing(encoded: string): readonly Uint8Array[] {
  const parts = encoded.split(",").map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error("TOKEN_ENCRYPTION_KEY is empty");
  return parts.map((part, index) => {
    try {
      return parseEncryptionKey(part);
    } catch {
      throw new Error(`TOKEN_ENCRYPTION_KEY key ${index + 1} of ${parts.length} must be 32 bytes, base64url-encoded`);
    }
  });
}

function ring(keys: EncryptionKeys): readonly Uint8Array[] {
  const list = keys instanceof Uint8Array ? [keys] : keys;
  if (list.length === 0) throw new Error("No encryption key is configured");
  return list;
}

/** A short, non-secret name for a key (a hash prefix), carried in each ciphertext's header as `kid`. */
export function encryptionKeyId(key: Uint8Array): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 12);
}

/** Encrypts a secret as a compact JWE (`dir` + `A256GCM`) with the newest key: confidentiality and integrity in one string. */
export async function encryptSecret(plaintext: string, keys: EncryptionKeys): Promise<string> {
  const newest = ring(keys)[0]!;
  return new CompactEncrypt(encoder.encode(plaintext))
    .setProtectedHeader({ alg: "dir", enc: "A256GCM", kid: encryptionKeyId(newest) })
    .encrypt(newest);
}

/**
 * Decrypts with the ring's key named by the ciphertext's `kid` (ciphertexts from before key rings have none: each
 * key is tried). A ciphertext no key of the ring opens throws EncryptionKeyMismatchError; a tampered one throws.
 */
export async function decryptSecret(jwe: string, keys: EncryptionKeys): Promise<string> {
  const list = ring(keys);
  const kid = readKeyId(jwe);
  const candidates = kid === undefined ? list : list.filter((key) => encryptionKeyId(key) === kid);
  if (candidates.length === 0) throw new EncryptionKeyMismatchError();
  let lastError: unknown;
  for (const key of candidates) {
    try {
      const { plaintext } = await compactDecrypt(jwe, key, { keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256GCM"] });
      return decoder.decode(plaintext);
    } catch (error) {
      lastError = error;
    }
  }
  if (kid === undefined) throw new EncryptionKeyMismatchError();
  throw lastError;
}

/** True when the ciphertext was not encrypted with the ring's newest key (so rotation should re-encrypt it). */
export function isEncryptedWithOlderKey(jwe: string, keys: EncryptionKeys): boolean {
  return readKeyId(jwe) !== encryptionKeyId(ring(keys)[0]!);
}

function readKeyId(jwe: string): string | undefined {
  try {
    const { kid } = decodeProtectedHeader(jwe);
    return typeof kid === "string" ? kid : undefined;
  } catch {
    return undefined;
  }
}
