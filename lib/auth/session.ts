import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/db";
import { getUser } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { auth } from "@/lib/auth";
import { AppError } from "@/lib/errors";

export type SessionUser = {
  id: string;
  organizationId: string;
  role: Role;
  email: string;
  name: string;
  passwordChangeRequired: boolean;
};

/**
 * The signed-in user, read fresh from the database once per request, so a removed user or a changed
 * role takes effect at once rather than when the JWT expires.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUser(db, id);
  if (!user) return null;
  return {
    id: user.id,
    organizationId: user.organization_id,
    role: user.role,
    email: user.email,
    name: user.name,
    passwordChangeRequired: user.password_change_required,
  };
});

/** Pages and server actions: the signed-in user, or a redirect to sign-in. */
export async function requireUserOrRedirect(options: { allowPendingPasswordChange?: boolean } = {}) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (user.passwordChangeRequired && !options.allowPendingPasswordChange) redirect("/account/password");
  return user;
}

/** Admin pages and actions: reps get the 403 page. */
export async function requireAdminOrForbidden() {
  const user = await requireUserOrRedirect();
  if (user.role !== "admin") forbidden();
  return user;
}

/** Route handlers: the signed-in user, or a 401 through toErrorResponse(). */
export async function requireUserOrThrow() {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

export async function requireAdminOrThrow() {
  const user = await requireUserOrThrow();
  if (user.role !== "admin") throw new AppError("forbidden", "Only admins can do this.");
  return user;
}
