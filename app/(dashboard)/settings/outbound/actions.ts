"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { createAuditEvent } from "@/db/queries/audit-events";
import { inngest } from "@/inngest/client";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getOutboundConfig } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getOutboundEncryptionKey } from "@/lib/outbound/get-encryption-key";
import { deleteEndpoint, rotateEndpointSecret, updateEndpoint } from "@/lib/outbound/manage/change-endpoint";
import { createEndpoint } from "@/lib/outbound/manage/create-endpoint";
import { createEndpointInputSchema } from "@/lib/outbound/manage/endpoint-input";
import type { ManageDeps } from "@/lib/outbound/manage/manage-deps";
import { replayDelivery, sendTestEvent } from "@/lib/outbound/manage/start-deliveries";
import { readEndpointForm } from "./read-endpoint-form";

export type ActionResult = { ok: true } | { ok: false; error: string };
export type SecretResult = { ok: true; id: string; secret: string } | { ok: false; error: string };
export type CreateEndpointState = { status: "idle" } | { status: "error"; error: string } | { status: "created"; id: string; secret: string; format: "standard" | "slack" };

async function adminDeps(): Promise<{ deps: ManageDeps; audit: (action: string, target: string, details?: Record<string, unknown>) => Promise<void> }> {
  const admin = await requireAdminOrForbidden();
  const deps: ManageDeps = {
    db,
    owner: { kind: "organization", organizationId: admin.organizationId },
    encryptionKey: getOutboundEncryptionKey(),
    allowPrivateTargets: getOutboundConfig().allowPrivateTargets,
    sendDelivery: (event) => inngest.send(event),
    userId: admin.id,
  };
  const audit = async (action: string, target: string, details: Record<string, unknown> = {}) => {
    await createAuditEvent(db, { organizationId: admin.organizationId, actorUserId: admin.id, action, target, details });
  };
  return { deps, audit };
}

/** Expected refusals (bad input, not found) come back as messages; anything else reaches error.tsx. */
async function attempt<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message };
    throw error;
  }
}

export async function createEndpointAction(_previous: CreateEndpointState, form: FormData): Promise<CreateEndpointState> {
  const { deps, audit } = await adminDeps();
  const parsed = createEndpointInputSchema.safeParse(readEndpointForm(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: "error", error: `${issue?.path.join(".") || "form"}: ${issue?.message ?? "invalid"}` };
  }
  const created = await attempt(() => createEndpoint(deps, parsed.data));
  if (!created.ok) return { status: "error", error: created.error };
  await audit("webhook_endpoint.created", created.value.endpoint.id, { url: created.value.endpoint.url, format: created.value.endpoint.format });
  revalidatePath("/settings/outbound");
  return { status: "created", id: created.value.endpoint.id, secret: created.value.secret, format: created.value.endpoint.format };
}

const idSchema = z.uuid();

export async function rotateSecretAction(input: { id: string }): Promise<SecretResult> {
  const { deps, audit } = await adminDeps();
  const id = idSchema.safeParse(input.id);
  if (!id.success) return { ok: false, error: "That endpoint doesn't exist." };
  const rotated = await attempt(() => rotateEndpointSecret(deps, id.data));
  if (!rotated.ok) return rotated;
  await audit("webhook_endpoint.secret_rotated", id.data);
  revalidatePath("/settings/outbound");
  return { ok: true, id: id.data, secret: rotated.value.secret };
}

export async function setEndpointEnabledAction(input: { id: string; enabled: boolean }): Promise<ActionResult> {
  const { deps, audit } = await adminDeps();
  const parsed = z.object({ id: idSchema, enabled: z.boolean() }).safeParse(input);
  if (!parsed.success) return { ok: false, error: "That endpoint doesn't exist." };
  const updated = await attempt(() => updateEndpoint(deps, parsed.data.id, { enabled: parsed.data.enabled }));
  if (!updated.ok) return updated;
  await audit(parsed.data.enabled ? "webhook_endpoint.enabled" : "webhook_endpoint.disabled", parsed.data.id);
  revalidatePath("/settings/outbound");
  return { ok: true };
}

export async function deleteEndpointAction(input: { id: string }): Promise<ActionResult> {
  const { deps, audit } = await adminDeps();
  const id = idSchema.safeParse(input.id);
  if (!id.success) return { ok: false, error: "That endpoint doesn't exist." };
  const deleted = await attempt(() => deleteEndpoint(deps, id.data));
  if (!deleted.ok) return deleted;
  await audit("webhook_endpoint.deleted", id.data);
  revalidatePath("/settings/outbound");
  return { ok: true };
}

export async function sendTestEventAction(input: { id: string }): Promise<ActionResult> {
  const { deps } = await adminDeps();
  const id = idSchema.safeParse(input.id);
  if (!id.success) return { ok: false, error: "That endpoint doesn't exist." };
  const sent = await attempt(() => sendTestEvent(deps, id.data));
  if (!sent.ok) return sent;
  revalidatePath("/settings/outbound");
  return { ok: true };
}

export async function replayDeliveryAction(input: { endpointId: string; deliveryId: string }): Promise<ActionResult> {
  const { deps } = await adminDeps();
  const parsed = z.object({ endpointId: idSchema, deliveryId: idSchema }).safeParse(input);
  if (!parsed.success) return { ok: false, error: "That delivery doesn't exist." };
  const replayed = await attempt(() => replayDelivery(deps, parsed.data.endpointId, parsed.data.deliveryId));
  if (!replayed.ok) return replayed;
  revalidatePath("/settings/outbound");
  return { ok: true };
}
