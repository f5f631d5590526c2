"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { createAuditEvent } from "@/db/queries/audit-events";
import { getGongConnectionByOrganization, updateGongConnectionSettings } from "@/db/queries/gong-connections";
import { updateWorkspaceSyncEnabled } from "@/db/queries/gong-workspaces";
import { inngest } from "@/inngest/client";
import { gongCallsSyncRequested } from "@/inngest/events";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { startSyncRun } from "@/lib/sync/start-sync-run";

export type ActionResult = { ok: true; message: string } | { ok: false; error: string };

async function requireConnectedAdmin() {
  const admin = await requireAdminOrForbidden();
  const connection = await getGongConnectionByOrganization(db, admin.organizationId);
  return { admin, connection: connection?.status === "connected" ? connection : undefined };
}

const syncNowSchema = z
  .object({
    workspaceGongIds: z.array(z.string().regex(/^\d{1,20}$/)).min(1, "Choose at least one workspace."),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "The start date must be before the end date." });

export async function syncNow(input: z.input<typeof syncNowSchema>): Promise<ActionResult> {
  const { admin, connection } = await requireConnectedAdmin();
  if (!connection) return { ok: false, error: "Gong is not connected." };
  const parsed = syncNowSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form." };
  const { workspaceGongIds, from, to } = parsed.data;
  const window = {
    fromDateTime: from ? new Date(`${from}T00:00:00Z`).toISOString() : null,
    // The end date is inclusive for people and exclusive for Gong: sync through the end of that day.
    toDateTime: to ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000).toISOString() : null,
  };
  const runId = await startSyncRun(
    db,
    (event) => inngest.send(event),
    { organizationId: admin.organizationId, connectionId: connection.id, kind: "manual", requestedByUserId: admin.id, params: { workspaceGongIds, ...window } },
    (id) => gongCallsSyncRequested.create({ connectionId: connection.id, runId: id, workspaceGongIds, ...window }, { id: `manual-${id}` }),
  );
  if (!runId) return { ok: false, error: "The sync could not be queued. Try again in a moment." };
  await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action: "sync.requested", details: { runId, workspaceGongIds, from, to } });
  revalidatePath("/settings/sync");
  return { ok: true, message: `Sync started for ${workspaceGongIds.length} workspace${workspaceGongIds.length === 1 ? "" : "s"}.` };
}

export async function setWorkspaceEnabled(input: { workspaceGongId: string; enabled: boolean }): Promise<ActionResult> {
  const { admin } = await requireConnectedAdmin();
  const parsed = z.object({ workspaceGongId: z.string().regex(/^\d{1,20}$/), enabled: z.boolean() }).parse(input);
  await updateWorkspaceSyncEnabled(db, admin.organizationId, parsed.workspaceGongId, parsed.enabled);
  await createAuditEvent(db, {
    organizationId: admin.organizationId,
    actorUserId: admin.id,
    action: parsed.enabled ? "workspace.enabled" : "workspace.disabled",
    target: parsed.workspaceGongId,
  });
  revalidatePath("/settings/sync");
  return { ok: true, message: parsed.enabled ? "Workspace will be synced." : "Workspace will be skipped." };
}

export async function setIncludeNewWorkspaces(include: boolean): Promise<ActionResult> {
  const { admin, connection } = await requireConnectedAdmin();
  if (!connection) return { ok: false, error: "Gong is not connected." };
  await updateGongConnectionSettings(db, connection.id, { include_new_workspaces: z.boolean().parse(include) });
  await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action: "gong.settings_changed", details: { include_new_workspaces: include } });
  revalidatePath("/settings/sync");
  return { ok: true, message: "Saved." };
}
