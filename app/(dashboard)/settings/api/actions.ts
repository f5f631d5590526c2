"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { revokeOrganizationApiKey } from "@/db/queries/api-keys";
import { createAuditEvent } from "@/db/queries/audit-events";
import { issueApiKey } from "@/lib/api/issue-api-key";
import { requireAdminOrForbidden } from "@/lib/auth/session";

export type CreateApiKeyState =
  | { status: "idle" }
  | { status: "error"; error: string }
  | { status: "created"; name: string; key: string };

const nameSchema = z.string().trim().min(1, "Name the key after what will use it.").max(80, "Keep the name under 80 characters.");

export async function createApiKeyAction(_previous: CreateApiKeyState, form: FormData): Promise<CreateApiKeyState> {
  const admin = await requireAdminOrForbidden();
  const parsed = nameSchema.safeParse(form.get("name") ?? "");
  if (!parsed.success) return { status: "error", error: parsed.error.issues[0]?.message ?? "Enter a name." };
  const { key, apiKey } = await db.transaction().execute(async (trx) => {
    const issued = await issueApiKey(trx, { kind: "organization", organizationId: admin.organizationId, name: parsed.data, createdByUserId: admin.id });
    await createAuditEvent(trx, {
      organizationId: admin.organizationId,
      actorUserId: admin.id,
      action: "api_key.created",
      target: issued.apiKey.id,
      details: { name: issued.apiKey.name, prefix: issued.apiKey.prefix },
    });
    return issued;
  });
  revalidatePath("/settings/api");
  return { status: "created", name: apiKey.name, key };
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
