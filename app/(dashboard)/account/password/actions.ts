"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db";
import { createAuditEvent } from "@/db/queries/audit-events";
import { updateUserPassword } from "@/db/queries/users";
import { hashPassword } from "@/lib/auth/password";
import { requireUserOrRedirect } from "@/lib/auth/session";

export type ChangePasswordState = { error?: string };

const changePasswordSchema = z
  .object({
    password: z.string().min(12, "Use at least 12 characters.").max(1024),
    confirmation: z.string(),
  })
  .refine((value) => value.password === value.confirmation, { message: "The two passwords don't match." });

export async function changePassword(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const user = await requireUserOrRedirect({ allowPendingPasswordChange: true });
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  await updateUserPassword(db, user.id, await hashPassword(parsed.data.password));
  await createAuditEvent(db, { organizationId: user.organizationId, actorUserId: user.id, action: "user.password_changed", target: user.email });
  redirect("/calls");
}
