"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { changeUserRole } from "@/lib/users/change-user-role";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { removeUser } from "@/lib/users/remove-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";

export type PersonActionResult = { ok: true; name: string } | { ok: false; error: string };
export type ResetPasswordResult = { ok: true; email: string; oneTimePassword: string } | { ok: false; error: string };

const NO_SUCH_USER = "There is no such user in your organization.";
const userIdSchema = z.uuid();
const roleSchema = z.enum(["admin", "rep"]);

/** The refusals an admin should read (not yourself, not the last admin, no such user); anything else is a bug. */
function expected(error: unknown): { ok: false; error: string } {
  if (error instanceof AppError && (error.code === "not_found" || error.code === "bad_request" || error.code === "conflict")) return { ok: false, error: error.message };
  throw error;
}

/** Every action here: an admin of the organization, a valid user id, then the operation; the page is redrawn after. */
async function asAdmin<T extends { ok: true }>(userId: string, operation: (input: { organizationId: string; actorUserId: string; userId: string }) => Promise<T>) {
  const admin = await requireAdminOrForbidden();
  const parsed = userIdSchema.safeParse(userId);
  if (!parsed.success) return { ok: false as const, error: NO_SUCH_USER };
  try {
    const result = await operation({ organizationId: admin.organizationId, actorUserId: admin.id, userId: parsed.data });
    revalidatePath("/settings/users");
    return result;
  } catch (error) {
    return expected(error);
  }
}

/** Refuses sign-in from now on and ends the user's sessions; their data stays. */
export async function deactivateUserAction(input: { userId: string }): Promise<PersonActionResult> {
  return asAdmin(input.userId, async (target) => ({ ok: true as const, ...(await deactivateUser(db, target)) }));
}

export async function reactivateUserAction(input: { userId: string }): Promise<PersonActionResult> {
  return asAdmin(input.userId, async (target) => ({ ok: true as const, ...(await reactivateUser(db, target)) }));
}

export async function removeUserAction(input: { userId: string }): Promise<PersonActionResult> {
  return asAdmin(input.userId, async (target) => ({ ok: true as const, ...(await removeUser(db, target)) }));
}

export async function changeUserRoleAction(input: { userId: string; role: string }): Promise<PersonActionResult> {
  const role = roleSchema.safeParse(input.role);
  if (!role.success) {
    await requireAdminOrForbidden();
    return { ok: false, error: "Choose a role." };
  }
  return asAdmin(input.userId, async (target) => ({ ok: true as const, ...(await changeUserRole(db, { ...target, role: role.data })) }));
}

/** A new one-time password, shown once; the user chooses their own at next sign-in. Not revalidated: see inviteGongUserAction. */
export async function resetUserPasswordAction(input: { userId: string }): Promise<ResetPasswordResult> {
  const admin = await requireAdminOrForbidden();
  const userId = userIdSchema.safeParse(input.userId);
  if (!userId.success) return { ok: false, error: NO_SUCH_USER };
  try {
    return { ok: true, ...(await resetUserPassword(db, { organizationId: admin.organizationId, actorUserId: admin.id, userId: userId.data })) };
  } catch (error) {
    return expected(error);
  }
}
