"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { linkUserToGongUser, unlinkUserFromGong } from "@/db/queries/user-gong-link-admin";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { inviteGongUser } from "@/lib/users/invite-gong-user";

export type LinkActionResult = { ok: true } | { ok: false; error: string };
export type InviteResult = { ok: true; email: string; oneTimePassword: string } | { ok: false; error: string };

const linkSchema = z.object({ userId: z.uuid(), gongUserId: z.uuid({ message: "Choose a Gong user." }) });

function expected(error: unknown): string {
  if (error instanceof AppError && (error.code === "conflict" || error.code === "not_found" || error.code === "bad_request")) return error.message;
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

/** Creates a rep for a Gong user without an account and links the two, atomically; the one-time password is shown once. */
export async function inviteGongUserAction(input: { gongUserId: string }): Promise<InviteResult> {
  const admin = await requireAdminOrForbidden();
  const gongUserId = z.uuid().safeParse(input.gongUserId);
  if (!gongUserId.success) return { ok: false, error: "That Gong user no longer exists." };
  try {
    const { user, oneTimePassword } = await inviteGongUser(db, { organizationId: admin.organizationId, actorUserId: admin.id, gongUserId: gongUserId.data });
    // No revalidation here: re-rendering would move this row to "Linked" and unmount the one-time password
    // before the admin has copied it. The lists catch up on the next visit.
    return { ok: true, email: user.email, oneTimePassword };
  } catch (error) {
    return { ok: false, error: expected(error) };
  }
}
