"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { createAuditEvent } from "@/db/queries/audit-events";
import { getGongConnectionByOrganization, updateGongConnectionSettings } from "@/db/queries/gong-connections";
import { inngest } from "@/inngest/client";
import { gongConnectionRevoked } from "@/inngest/events";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { disconnectGong } from "@/lib/gong-connection/disconnect-gong";
import { logger } from "@/lib/observability/logger";

export type ActionResult = { ok: true; message?: string } | { ok: false; error: string };

const settingsSchema = z.object({
  sync_on_connect: z.boolean(),
  include_speaker_labels: z.boolean(),
  auto_sync_interval_hours: z.union([z.literal(6), z.literal(12), z.literal(24), z.null()]),
});

export async function saveGongSettings(input: z.input<typeof settingsSchema>): Promise<ActionResult> {
  const admin = await requireAdminOrForbidden();
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "Those settings aren't valid." };
  const connection = await getGongConnectionByOrganization(db, admin.organizationId);
  if (!connection) return { ok: false, error: "Connect Gong first." };
  await db.transaction().execute(async (trx) => {
    await updateGongConnectionSettings(trx, connection.id, parsed.data);
    await createAuditEvent(trx, {
      organizationId: admin.organizationId,
      actorUserId: admin.id,
      action: "gong.settings_changed",
      details: parsed.data,
    });
  });
  revalidatePath("/settings/gong");
  return { ok: true, message: "Settings saved." };
}

export async function disconnectGongAction(input: { deleteData: boolean }): Promise<ActionResult> {
  const admin = await requireAdminOrForbidden();
  const deleteData = z.boolean().parse(input.deleteData);
  try {
    const { connectionId } = await disconnectGong(db, { organizationId: admin.organizationId, userId: admin.id, deleteData });
    revalidatePath("/settings/gong");
    try {
      await inngest.send(gongConnectionRevoked.create({ connectionId, organizationId: admin.organizationId, deleteData }));
    } catch (error) {
      logger.error({ error, connectionId, organizationId: admin.organizationId }, "disconnected Gong but could not notify the workflows");
      return { ok: true, message: "Disconnected. Running syncs will stop at their next Gong request." };
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { ok: false, error: error.message };
    throw error;
  }
}
