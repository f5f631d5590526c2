"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { createAuditEvent } from "@/db/queries/audit-events";
import { createTracker, deleteTracker, updateTracker } from "@/db/queries/trackers";
import { inngest } from "@/inngest/client";
import { trackersChanged } from "@/inngest/events";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { logger } from "@/lib/observability/logger";

export type TrackerActionResult = { ok: true } | { ok: false; error: string };

const trackerSchema = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Give the tracker a name.").max(60, "Keep the name under 60 characters."),
  keywords: z
    .string()
    .transform((value) => [...new Set(value.split(/[,\n]/).map((keyword) => keyword.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(60, "Keep each keyword under 60 characters.")).min(1, "Add at least one keyword.").max(50, "Use at most 50 keywords.")),
});

/** Stored hits are recounted in the background; if that can't be queued, each call still recounts when opened. */
async function recountHits(organizationId: string): Promise<void> {
  try {
    await inngest.send(trackersChanged.create({ organizationId }));
  } catch (error) {
    logger.error({ error, organizationId }, "could not queue the recount of tracker hits");
  }
}

const isUniqueViolation = (error: unknown) => typeof error === "object" && error !== null && "code" in error && error.code === "23505";

/** Adds or edits a tracker. Stored insights notice the change by the trackers hash and recompute on view. */
export async function saveTracker(_previous: TrackerActionResult | null, formData: FormData): Promise<TrackerActionResult> {
  const admin = await requireAdminOrForbidden();
  const parsed = trackerSchema.safeParse({ id: formData.get("id") || undefined, name: formData.get("name"), keywords: formData.get("keywords") ?? "" });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form." };
  const { id, ...input } = parsed.data;
  try {
    const saved = id ? await updateTracker(db, admin.organizationId, id, input) : await createTracker(db, admin.organizationId, input);
    if (!saved) return { ok: false, error: "That tracker no longer exists." };
    await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action: id ? "tracker.updated" : "tracker.created", target: saved.name, details: { keywords: saved.keywords } });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, error: `There is already a tracker called “${input.name}”.` };
    throw error;
  }
  await recountHits(admin.organizationId);
  revalidatePath("/settings/trackers");
  return { ok: true };
}

export async function removeTracker(id: string): Promise<TrackerActionResult> {
  const admin = await requireAdminOrForbidden();
  const parsed = z.uuid().safeParse(id);
  const deleted = parsed.success ? await deleteTracker(db, admin.organizationId, parsed.data) : undefined;
  if (!deleted) return { ok: false, error: "That tracker no longer exists." };
  await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action: "tracker.deleted", target: deleted.name });
  await recountHits(admin.organizationId);
  revalidatePath("/settings/trackers");
  return { ok: true };
}
