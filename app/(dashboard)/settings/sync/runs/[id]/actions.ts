"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { type CancelResult, cancelSyncRun } from "@/lib/sync/cancel-sync-run";

export async function cancelSyncRunAction(input: { runId: string }): Promise<CancelResult> {
  const admin = await requireAdminOrForbidden();
  const runId = z.uuid().safeParse(input.runId);
  if (!runId.success) return { ok: false, error: "That run doesn't exist." };
  const result = await cancelSyncRun(db, (event) => inngest.send(event), { organizationId: admin.organizationId, userId: admin.id, name: admin.name }, runId.data);
  revalidatePath("/settings/sync");
  return result;
}
