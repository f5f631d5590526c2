"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/db";
import { requireAdminOrForbidden } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { createUserWithOneTimePassword } from "@/lib/users/create-user-with-one-time-password";
import { endSessionsOfUser } from "@/lib/users/end-sessions-of-user";

export type AddUserState =
  | { status: "idle" }
  | { status: "error"; error: string }
  | { status: "created"; email: string; oneTimePassword: string };

const addUserSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, "That email is too long.").pipe(z.email("Enter a valid email address.")),
  name: z.string().trim().min(1, "Enter a name.").max(120, "Keep the name under 120 characters."),
  role: z.enum(["admin", "rep"], { message: "Choose a role." }),
});

export async function addUser(_previous: AddUserState, formData: FormData): Promise<AddUserState> {
  const admin = await requireAdminOrForbidden();
  const parsed = addUserSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", error: parsed.error.issues[0]?.message ?? "Check the form." };
  try {
    const { user, oneTimePassword } = await createUserWithOneTimePassword(db, {
      ...parsed.data,
      organizationId: admin.organizationId,
      actorUserId: admin.id,
    });
    revalidatePath("/settings/users");
    return { status: "created", email: user.email, oneTimePassword };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { status: "error", error: error.message };
    throw error;
  }
}

export type EndSessionsResult = { ok: true; name: string } | { ok: false; error: string };

const endSessionsSchema = z.object({ userId: z.uuid() });

/** Signs a user of the admin's organization out everywhere (audited); they sign in again to go on. */
export async function endUserSessionsAction(input: { userId: string }): Promise<EndSessionsResult> {
  const admin = await requireAdminOrForbidden();
  const parsed = endSessionsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "There is no such user in your organization." };
  try {
    const user = await endSessionsOfUser(db, { organizationId: admin.organizationId, actorUserId: admin.id, userId: parsed.data.userId });
    return { ok: true, name: user.name };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { ok: false, error: error.message };
    throw error;
  }
}
