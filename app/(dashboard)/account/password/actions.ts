"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db";
import { signOut } from "@/lib/auth";
import { changeUserPassword } from "@/lib/auth/change-user-password";
import { renewSession, requireUserOrRedirect } from "@/lib/auth/session";
import { endSessionsOfUser } from "@/lib/users/end-sessions-of-user";

export type ChangePasswordState = { error?: string };

const changePasswordSchema = z
  .object({
    currentPassword: z.string().max(1024).default(""),
    password: z.string().min(12, "Use at least 12 characters.").max(1024),
    confirmation: z.string(),
  })
  .refine((value) => value.password === value.confirmation, { message: "The two passwords don't match." });

/** Sets a new password; the user's other sessions end, this one carries on. */
export async function changePassword(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const user = await requireUserOrRedirect({ allowPendingPasswordChange: true });
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message };
  const result = await changeUserPassword(db, { userId: user.id, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.password });
  if (!result.ok) return { error: result.error };
  await renewSession(user.id, result.sessionVersion);
  redirect("/calls");
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(): Promise<void> {
  const user = await requireUserOrRedirect({ allowPendingPasswordChange: true });
  await endSessionsOfUser(db, { organizationId: user.organizationId, actorUserId: user.id, userId: user.id });
  await signOut({ redirectTo: "/sign-in" });
}
