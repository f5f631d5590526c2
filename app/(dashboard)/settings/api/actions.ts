"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { revokeOrganizationApiKey } from "@/db/queries/api-keys";
import { createAuditEvent } from "@/db/queries/audit-events";
import { issueApiKey } from "@/lib/api/issue-api-key";
import { rollApiKey } from "@/lib/api/roll-api-key";
import { ROLL_OVERLAPS_SECONDS, type RollOverlapSeconds } from "@/lib/api/roll-overlaps";
import { requireAdminOrForbidden } from "@/lib/auth/session";

export type CreateApiKeyState =
  | { status: "idle" }
  | { status: "error"; error: string }
  | { status: "created"; id: string; name: string; key: string };

const nameSchema = z.string().trim().min(1, "Name the key after what will use it.").max(80, "Keep the name under 80 characters.");
/** Days until the key expires; empty: never. */
const expirySchema = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number().int().min(1).max(366).optional());

export async function createApiKeyAction(_previous: CreateApiKeyState, form: FormData): Promise<CreateApiKeyState> {
  const admin = await requireAdminOrForbidden();
  const parsed = nameSchema.safeParse(form.get("name") ?? "");
  if (!parsed.success) return { status: "error", error: parsed.error.issues[0]?.message ?? "Enter a name." };
  const days = expirySchema.safeParse(form.get("expires_in_days"));
  if (!days.success) return { status: "error", error: "Choose when the key expires." };
  const expiresAt = days.data ? new Date(Date.now() + days.data * 86_400_000) : null;
  const { key, apiKey } = await db.transaction().execute(async (trx) => {
    const issued = await issueApiKey(trx, { kind: "organization", organizationId: admin.organizationId, name: parsed.data, createdByUserId: admin.id, expiresAt });
    await createAuditEvent(trx, {
      organizationId: admin.organizationId,
      actorUserId: admin.id,
      action: "api_key.created",
      target: issued.apiKey.id,
      details: { name: issued.apiKey.name, prefix: issued.apiKey.prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return issued;
  });
  revalidatePath("/settings/api");
  return { status: "created", id: apiKey.id, name: apiKey.name, key };
}

export type ActionResult = { ok: true } | { ok: false; error: string };

export async function revokeApiKeyAction(input: { id: string }): Promise<ActionResult> {
  const admin = await requireAdminOrForbidden();
  const id = z.uuid().safeParse(input.id);
  if (!id.success) return { ok: false, error: "That key doesn't exist." };
  const revoked = await db.transaction().execute(async (trx) => {
    const key = await revokeOrganizationApiKey(trx, admin.organizationId, id.data);
    if (key) {
      await createAuditEvent(trx, {
        organizationId: admin.organizationId,
        actorUserId: admin.id,
        action: "api_key.revoked",
        target: key.id,
        details: { name: key.name, prefix: key.prefix },
      });
    }
    return key;
  });
  if (!revoked) return { ok: false, error: "That key was already revoked or doesn't exist." };
  revalidatePath("/settings/api");
  return { ok: true };
}

export type RollApiKeyResult = { ok: true; key: string; oldKeyEndsAt: string } | { ok: false; error: string };

export async function rollApiKeyAction(input: { id: string; overlapSeconds: number }): Promise<RollApiKeyResult> {
  const admin = await requireAdminOrForbidden();
  const parsed = z
    .object({ id: z.uuid(), overlapSeconds: z.number().refine((seconds): seconds is RollOverlapSeconds => ROLL_OVERLAPS_SECONDS.includes(seconds as RollOverlapSeconds)) })
    .safeParse(input);
  if (!parsed.success) return { ok: false, error: "Choose how long the old secret keeps working." };
  const rolled = await rollApiKey(db, { organizationId: admin.organizationId, userId: admin.id }, parsed.data);
  if (!rolled) return { ok: false, error: "That key was revoked or has expired; create a new one instead." };
  revalidatePath("/settings/api");
  return { ok: true, key: rolled.key, oldKeyEndsAt: rolled.oldKeyEndsAt.toISOString() };
}
