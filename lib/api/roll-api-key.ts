import type { Kysely } from "kysely";
import { endApiKeyAt, getLiveOrganizationApiKeyForUpdate } from "@/db/queries/api-keys";
import { createAuditEvent } from "@/db/queries/audit-events";
import type { ApiKey, Database } from "@/db/schema";
import { issueApiKey } from "./issue-api-key";
import type { RollOverlapSeconds } from "./roll-overlaps";

export type RolledApiKey = { key: string; apiKey: ApiKey; oldKeyEndsAt: Date };

/**
 * Replaces a key's secret: a new key under the same name (with the old one's lifetime, when it had one), and the old
 * secret ending after the overlap, so whatever uses it can be moved over without a failed request. Undefined when
 * the key is not the organization's or no longer live.
 */
export async function rollApiKey(
  db: Kysely<Database>,
  actor: { organizationId: string; userId: string },
  input: { id: string; overlapSeconds: RollOverlapSeconds; now?: Date },
): Promise<RolledApiKey | undefined> {
  const now = input.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const old = await getLiveOrganizationApiKeyForUpdate(trx, actor.organizationId, input.id);
    if (!old) return undefined;
    const lifetime = old.expires_at ? new Date(old.expires_at).getTime() - new Date(old.created_at).getTime() : null;
    const oldKeyEndsAt = new Date(now.getTime() + input.overlapSeconds * 1000);
    await endApiKeyAt(trx, old.id, input.overlapSeconds === 0 ? "now" : oldKeyEndsAt);
    const issued = await issueApiKey(trx, {
      kind: "organization",
      organizationId: actor.organizationId,
      name: old.name,
      createdByUserId: actor.userId,
      expiresAt: lifetime ? new Date(now.getTime() + lifetime) : null,
    });
    await createAuditEvent(trx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "api_key.rolled",
      target: issued.apiKey.id,
      details: { name: old.name, prefix: old.prefix, newPrefix: issued.apiKey.prefix, oldKeyEndsAt: oldKeyEndsAt.toISOString() },
    });
    return { ...issued, oldKeyEndsAt };
  });
}
