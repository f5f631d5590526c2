"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { createAuditEvent } from "@/db/queries/audit-events";
import { getGongConnectionByOrganization } from "@/db/queries/gong-connections";
import { getQuarantinedRecord } from "@/db/queries/quarantined-gong-records";
import { inngest } from "@/inngest/client";
import { gongCallSyncRequested } from "@/inngest/events";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { startSyncRun } from "@/lib/sync/start-sync-run";

export type RetryResult = { ok: true; message: string } | { ok: false; error: string };

/** "Retry" on a quarantined call: asks Gong for it again now, as a single-call run, instead of waiting for the next sync. */
export async function retryQuarantinedCall(gongId: string): Promise<RetryResult> {
  const admin = await requireAdminOrForbidden();
  const connection = await getGongConnectionByOrganization(db, admin.organizationId);
  if (connection?.status !== "connected") return { ok: false, error: "Gong is not connected." };
  const parsed = z.string().regex(/^\d{1,20}$/).safeParse(gongId);
  const record = parsed.success ? await getQuarantinedRecord(db, admin.organizationId, parsed.data) : undefined;
  if (!record) return { ok: false, error: "That call is no longer quarantined." };
  const runId = await startSyncRun(
    db,
    (event) => inngest.send(event),
    { organizationId: admin.organizationId, connectionId: connection.id, kind: "single_call", requestedByUserId: admin.id, params: { callGongIds: [record.gong_id] } },
    (id) => gongCallSyncRequested.create({ connectionId: connection.id, callGongId: record.gong_id, explicit: false, runId: id }, { id: `quarantine-retry-${id}` }),
  );
  if (!runId) return { ok: false, error: "The retry could not be queued. Try again in a moment." };
  await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action: "call.quarantine_retry_requested", target: record.gong_id, details: { runId } });
  revalidatePath("/settings/sync");
  return { ok: true, message: "Retry queued. The call leaves this list once Gong sends it in a shape Callbridge can store." };
}
