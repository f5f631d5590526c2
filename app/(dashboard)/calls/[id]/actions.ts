"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { createAuditEvent } from "@/db/queries/audit-events";
import { getCallViewer } from "@/db/queries/call-access";
import { getVisibleCall } from "@/db/queries/call-page";
import { inngest } from "@/inngest/client";
import { gongCallSyncRequested, gongCallsDeleteRequested } from "@/inngest/events";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { startSyncRun } from "@/lib/sync/start-sync-run";

export type CallActionResult = { ok: true; message: string } | { ok: false; error: string };

const callIdSchema = z.uuid();

async function findCallForAdmin(callId: unknown) {
  const admin = await requireAdminOrForbidden();
  const parsed = callIdSchema.safeParse(callId);
  const call = parsed.success ? await getVisibleCall(db, await getCallViewer(db, admin), parsed.data) : undefined;
  return { admin, call };
}

export async function resyncCall(callId: string): Promise<CallActionResult> {
  const { admin, call } = await findCallForAdmin(callId);
  if (!call) return { ok: false, error: "That call no longer exists." };
  const runId = await startSyncRun(
    db,
    (event) => inngest.send(event),
    { organizationId: admin.organizationId, connectionId: call.connection_id, kind: "resync", requestedByUserId: admin.id, params: { callGongIds: [call.gong_id] } },
    (id) => gongCallSyncRequested.create({ connectionId: call.connection_id, callGongId: call.gong_id, explicit: true, runId: id }, { id: `resync-${id}` }),
  );
  if (!runId) return { ok: false, error: "The resync could not be queued. Try again in a moment." };
  await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action: "call.resync_requested", target: call.gong_id, details: { callId: call.id, runId } });
  return { ok: true, message: "Resync queued. The call updates in a moment." };
}

export async function deleteCall(callId: string): Promise<CallActionResult> {
  const { admin, call } = await findCallForAdmin(callId);
  if (!call) return { ok: false, error: "That call no longer exists." };
  const runId = await startSyncRun(
    db,
    (event) => inngest.send(event),
    { organizationId: admin.organizationId, connectionId: call.connection_id, kind: "delete", requestedByUserId: admin.id, params: { callGongIds: [call.gong_id] } },
    (id) => gongCallsDeleteRequested.create({ connectionId: call.connection_id, runId: id, callGongIds: [call.gong_id] }, { id: `delete-${id}` }),
  );
  if (!runId) return { ok: false, error: "The deletion could not be queued. Try again in a moment." };
  await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action: "call.delete_requested", target: call.gong_id, details: { callId: call.id, title: call.title, runId } });
  revalidatePath("/calls");
  return { ok: true, message: "Deletion queued. The call disappears from Callbridge in a moment." };
}
