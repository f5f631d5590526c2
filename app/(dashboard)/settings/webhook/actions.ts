"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { getGongAppConfig } from "@/lib/gong-connection/config";
import { type ResendResult, resendDeliveryCallSync } from "@/lib/webhooks/resend-delivery-call-sync";
import { regenerateWebhookUrlKey, saveWebhookPublicKey, setWebhookAuth, type WebhookSettingsResult } from "@/lib/webhooks/update-webhook-settings";

const PAGE = "/settings/webhook";

export async function savePublicKeyAction(input: { publicKey: string }): Promise<WebhookSettingsResult> {
  const admin = await requireAdminOrForbidden();
  const publicKey = z.string().max(20_000).safeParse(input.publicKey);
  if (!publicKey.success) return { ok: false, error: "That doesn't look like a Gong public key: it is far too long." };
  const result = await saveWebhookPublicKey(db, { organizationId: admin.organizationId, userId: admin.id }, publicKey.data);
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function setWebhookAuthAction(input: { auth: "jwt" | "url-key" }): Promise<WebhookSettingsResult> {
  const admin = await requireAdminOrForbidden();
  const auth = z.enum(["jwt", "url-key"]).parse(input.auth);
  const result = await setWebhookAuth(db, { organizationId: admin.organizationId, userId: admin.id }, auth, getGongAppConfig().encryptionKey);
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function regenerateUrlKeyAction(): Promise<WebhookSettingsResult> {
  const admin = await requireAdminOrForbidden();
  const result = await regenerateWebhookUrlKey(db, { organizationId: admin.organizationId, userId: admin.id }, getGongAppConfig().encryptionKey);
  if (result.ok) revalidatePath(PAGE);
  return result;
}

export async function resendDeliveryCallSyncAction(input: { deliveryId: string }): Promise<ResendResult> {
  const admin = await requireAdminOrForbidden();
  const deliveryId = z.uuid().safeParse(input.deliveryId);
  if (!deliveryId.success) return { ok: false, error: "That delivery is no longer in the log." };
  return resendDeliveryCallSync(db, (event) => inngest.send(event), { organizationId: admin.organizationId, userId: admin.id }, deliveryId.data);
}
