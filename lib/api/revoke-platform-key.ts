import type { Kysely } from "kysely";
import { z } from "zod";
import { findPlatformApiKeys, type PlatformApiKeyItem, revokePlatformApiKey } from "@/db/queries/api-keys";
import type { Database } from "@/db/schema";
import { visibleApiKeyPrefix } from "./api-key-secret";

export type RevokePlatformKeyResult =
  | { ok: true; key: PlatformApiKeyItem }
  | { ok: false; reason: "not_found" | "ambiguous" | "already_revoked"; keys: PlatformApiKeyItem[] };

/**
 * Revokes one platform key named by its id, its visible prefix (as `--list` shows it, "…" optional) or the whole
 * key. A prefix shared by several keys revokes nothing: the operator picks one by id.
 */
export async function revokePlatformKey(db: Kysely<Database>, given: string): Promise<RevokePlatformKeyResult> {
  const text = given.trim().replace(/…$/, "");
  const keys = z.uuid().safeParse(text).success
    ? await findPlatformApiKeys(db, { id: text })
    : await findPlatformApiKeys(db, { prefix: visibleApiKeyPrefix(text) });
  const [key] = keys;
  if (!key) return { ok: false, reason: "not_found", keys };
  if (keys.length > 1) return { ok: false, reason: "ambiguous", keys };
  if (key.revoked_at) return { ok: false, reason: "already_revoked", keys };
  await revokePlatformApiKey(db, key.id);
  return { ok: true, key };
}
