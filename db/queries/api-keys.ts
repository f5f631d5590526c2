import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { ApiKey, ApiKeyKind, Database } from "@/db/schema";

export type NewApiKey = {
  kind: ApiKeyKind;
  organizationId: string | null;
  name: string;
  prefix: string;
  secretHash: string;
  createdByUserId: string | null;
  expiresAt?: Date | null;
};

/** Neither revoked nor past its expiry: the keys the API accepts. */
const isLiveKey = (eb: ExpressionBuilder<Database, "api_keys">) =>
  eb.and([eb("revoked_at", "is", null), eb.or([eb("expires_at", "is", null), eb("expires_at", ">", sql<Date>`now()`)])]);

export function createApiKey(db: Kysely<Database>, key: NewApiKey): Promise<ApiKey> {
  return db
    .insertInto("api_keys")
    .values({
      kind: key.kind,
      organization_id: key.organizationId,
      name: key.name,
      prefix: key.prefix,
      secret_hash: key.secretHash,
      created_by_user_id: key.createdByUserId,
      expires_at: key.expiresAt ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The live key with this hash (neither revoked nor expired), marking it used. `last_used_at` is written at most
 * once a minute so a busy key does not rewrite its row on every request.
 */
export async function markApiKeyUsed(
  db: Kysely<Database>,
  secretHash: string,
): Promise<Pick<ApiKey, "id" | "kind" | "organization_id"> | undefined> {
  const key = await db
    .selectFrom("api_keys")
    .select(["id", "kind", "organization_id", "last_used_at"])
    .where("secret_hash", "=", secretHash)
    .where(isLiveKey)
    .executeTakeFirst();
  if (!key) return undefined;
  await db
    .updateTable("api_keys")
    .set({ last_used_at: sql<Date>`now()` })
    .where("id", "=", key.id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", sql<Date>`now() - interval '1 minute'`)]))
    .execute();
  return { id: key.id, kind: key.kind, organization_id: key.organization_id };
}

export type ApiKeyListItem = Pick<ApiKey, "id" | "name" | "prefix" | "created_at" | "last_used_at" | "revoked_at" | "expires_at"> & {
  created_by_name: string | null;
};

export function listOrganizationApiKeys(db: Kysely<Database>, organizationId: string): Promise<ApiKeyListItem[]> {
  return db
    .selectFrom("api_keys")
    .leftJoin("users", "users.id", "api_keys.created_by_user_id")
    .select([
      "api_keys.id",
      "api_keys.name",
      "api_keys.prefix",
      "api_keys.created_at",
      "api_keys.last_used_at",
      "api_keys.revoked_at",
      "api_keys.expires_at",
      "users.name as created_by_name",
    ])
    .where("api_keys.organization_id", "=", organizationId)
    .where("api_keys.kind", "=", "organization")
    .orderBy("api_keys.revoked_at", (ob) => ob.desc().nullsFirst())
    .orderBy("api_keys.created_at", "desc")
    .execute();
}

/** Revokes an organization's key; undefined when it is not theirs or already revoked. */
export function revokeOrganizationApiKey(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<Pick<ApiKey, "id" | "name" | "prefix"> | undefined> {
  return db
    .updateTable("api_keys")
    .set({ revoked_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .where("revoked_at", "is", null)
    .returning(["id", "name", "prefix"])
    .executeTakeFirst();
}

/** An organization's live key, locked for rolling it; undefined when it is not theirs, revoked or expired. */
export function getLiveOrganizationApiKeyForUpdate(db: Kysely<Database>, organizationId: string, id: string) {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "prefix", "created_at", "expires_at"])
    .where("id", "=", id)
    .where("organization_id", "=", organizationId)
    .where("kind", "=", "organization")
    .where(isLiveKey)
    .forUpdate()
    .executeTakeFirst();
}

/** Ends a key's life at `at` (now: revoked at once), never later than it would have ended anyway. */
export async function endApiKeyAt(db: Kysely<Database>, id: string, at: Date | "now"): Promise<void> {
  const update = db.updateTable("api_keys").where("id", "=", id);
  if (at === "now") await update.set({ revoked_at: sql<Date>`now()` }).execute();
  else await update.set({ expires_at: sql<Date>`least(coalesce(expires_at, 'infinity'::timestamptz), ${at})` }).execute();
}

export type PlatformApiKeyItem = Pick<ApiKey, "id" | "name" | "prefix" | "created_at" | "last_used_at" | "revoked_at">;

/** Every platform key, live ones first, newest first; they belong to no organization, so only the operator sees them. */
export function listPlatformApiKeys(db: Kysely<Database>): Promise<PlatformApiKeyItem[]> {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"])
    .where("kind", "=", "platform")
    .orderBy("revoked_at", (ob) => ob.desc().nullsFirst())
    .orderBy("created_at", "desc")
    .execute();
}

/** Platform keys whose id or visible prefix is the one given. */
export function findPlatformApiKeys(db: Kysely<Database>, match: { id: string } | { prefix: string }): Promise<PlatformApiKeyItem[]> {
  return db
    .selectFrom("api_keys")
    .select(["id", "name", "prefix", "created_at", "last_used_at", "revoked_at"])
    .where("kind", "=", "platform")
    .where("id" in match ? "id" : "prefix", "=", "id" in match ? match.id : match.prefix)
    .execute();
}

export async function revokePlatformApiKey(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("api_keys").set({ revoked_at: sql<Date>`now()` }).where("id", "=", id).where("kind", "=", "platform").where("revoked_at", "is", null).execute();
}
