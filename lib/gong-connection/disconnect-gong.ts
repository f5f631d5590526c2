import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { getGongConnectionByOrganization, revokeGongConnection } from "@/db/queries/gong-connections";
import { cancelActiveSyncRuns } from "@/db/queries/sync-runs";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Destroys the tokens and marks the connection revoked. Gong has no revoke API, so the admin must also
 * remove the app under Gong's connected apps; the caller sends `gong/connection.revoked` afterwards.
 */
export async function disconnectGong(
  db: Kysely<Database>,
  input: { organizationId: string; userId: string; deleteData: boolean },
): Promise<{ connectionId: string }> {
  const connection = await getGongConnectionByOrganization(db, input.organizationId);
  if (!connection || connection.status === "revoked") throw new AppError("conflict", "Gong is not connected.");
  await db.transaction().execute(async (trx) => {
    await revokeGongConnection(trx, connection.id, input.userId);
    await cancelActiveSyncRuns(trx, connection.id, "Gong was disconnected.");
    await createAuditEvent(trx, {
      organizationId: input.organizationId,
      actorUserId: input.userId,
      action: "gong.disconnected",
      target: connection.api_base_url,
      details: { deleteData: input.deleteData },
    });
  });
  return { connectionId: connection.id };
}
