"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { getGongUserForInvite, linkUserToGongUser, unlinkUserFromGong } from "@/db/queries/user-gong-link-admin";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { createUserWithOneTimePassword } from "@/lib/users/create-user-with-one-time-password";

export type LinkActionResult = { ok: true } | { ok: false; error: string };
export type InviteResult = { ok: true; email: string; oneTimePassword: string } | { ok: false; error: string };

const linkSchema = z.object({ userId: z.uuid(), gongUserId: z.uuid({ message: "Choose a Gong user." }) });

function expected(error: unknown): string {
  if (error instanceof AppError && (error.code === "conflict" || error.code === "not_found")) return error.message;
  throw error;
}

export async function linkUserAction(input: { userId: string; gongUserId: string }): Promise<LinkActionResult> {
  const admin = await requireAdminOrForbidden();
  const parsed = linkSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "Choose a Gong user." };
  try {
    await linkUserToGongUser(db, { organizationId: admin.organizationId, actorUserId: admin.id, ...parsed.data });
  } catch (error) {
    return { ok: false, error: expected(error) };
  }
  revalidatePath("/settings/users");
  return { ok: true };
}

export async function unlinkUserAction(input: { userId: string }): Promise<LinkActionResult> {
  const admin = await requireAdminOrForbidden();
  const userId = z.uuid().safeParse(input.userId);
  if (!userId.success) return { ok: false, error: "That user no longer exists." };
  try {
    await unlinkUserFromGong(db, { organizationId: admin.organizationId, userId: userId.data, actorUserId: admin.id });
  } catch (error) {
    return { ok: false, error: expected(error) };
  }
  revalidatePath("/settings/users");
  return { ok: true };
}

/** Creates a rep for a Gong user without an account and links the two; the one-time password is shown once. */
export async function inviteGongUserAction(input: { gongUserId: string }): Promise<InviteResult> {
  const admin = await requireAdminOrForbidden();
  const gongUserId = z.uuid().safeParse(input.gongUserId);
  const gongUser = gongUserId.success ? await getGongUserForInvite(db, admin.organizationId, gongUserId.data) : undefined;
  if (!gongUser) return { ok: false, error: "That Gong user no longer exists." };
  const email = z.email().safeParse(gongUser.email?.trim().toLowerCase());
  if (!email.success) return { ok: false, error: "This Gong user has no email address, so they can't be invited." };
  const name = [gongUser.first_name, gongUser.last_name].filter(Boolean).join(" ") || email.data;
  try {
    const { user, oneTimePassword } = await createUserWithOneTimePassword(db, { organizationId: admin.organizationId, actorUserId: admin.id, email: email.data, name, role: "rep" });
    await linkUserToGongUser(db, { organizationId: admin.organizationId, actorUserId: admin.id, userId: user.id, gongUserId: gongUser.id, source: "email" });
    // No revalidation here: re-rendering would move this row to "Linked" and unmount the one-time password
    // before the admin has copied it. The lists catch up on the next visit.
    return { ok: true, email: user.email, oneTimePassword };
  } catch (error) {
    return { ok: false, error: expected(error) };
  }
}
