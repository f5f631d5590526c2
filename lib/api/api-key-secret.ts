import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyKind } from "@/db/schema";

const KEY_PREFIX: Record<ApiKeyKind, string> = { organization: "cb_org_", platform: "cb_plat_" };

/** Characters of the random part shown in key lists, enough to tell keys apart without weakening them. */
const VISIBLE_RANDOM_CHARS = 4;

export type GeneratedApiKey = { key: string; prefix: string; secretHash: string };

/**
 * A new key: a kind prefix and 32 random bytes. Only its SHA-256 is stored; a slow password hash buys nothing
 * for 256 bits of randomness and would cost every request.
 */
export function generateApiKey(kind: ApiKeyKind): GeneratedApiKey {
  const key = `${KEY_PREFIX[kind]}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: visibleApiKeyPrefix(key), secretHash: hashApiKey(key) };
}

/** The part of a key that is stored in clear and shown in lists; a whole key and its prefix give the same. */
export function visibleApiKeyPrefix(key: string): string {
  const kindPrefix = Object.values(KEY_PREFIX).find((prefix) => key.startsWith(prefix)) ?? "";
  return key.slice(0, kindPrefix.length + VISIBLE_RANDOM_CHARS);
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
