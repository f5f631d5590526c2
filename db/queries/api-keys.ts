import { type Kysely, sql } from "kysely";
import type { ApiKey, ApiKeyKind, Database } from "@/db/schema";

export type NewApiKey = {
  kind: ApiKeyKind;
  organizationId: string | null;
  name: string;
  prefix: string;
  secretHash: string;
  createdByUserId: string | null;
};

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
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The live key with this hash, marking it used in the same statement. `last_used_at` is written at most once a
 * minute so a busy key does not rewrite its row on every request.
 */
export async function markApiKeyUsed(
  db: Kysely<Database>,
  secretHash: string,
): Promise<Pick<ApiKey, "id" | "kind" | "organization_id"> | undefined> {
  const key = await db
    .selectFrom("api_keys")
    .select(["id", "kind", "organization_id", "last_used_at"])
    .where("secret_hash", "=", secretHash)
    .where("revoked_at", "is", null)
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

export type ApiKeyListItem = Pick<ApiKey, "id" | "name" | "prefix" | "created_at" | "last_used_at" | "revoked_at"> & {
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
