import "server-only";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/db";
import { getUser } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { auth, unstable_update } from "@/lib/auth";
import { createSessionRenewal } from "@/lib/auth/session-renewal";
import { getEnv } from "@/lib/env";
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
 * The signed-in user, read fresh from the database once per request (by primary key), so a removed user, a changed
 * role or ended sessions take effect at once rather than when the JWT (which carries id, organization, role and
 * session version) expires. A session issued before the user's sessions were ended carries an older version.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getUser(db, id);
  // A token from before organizations were carried has none; one naming another organization is not this user's.
  if (!user || (session.user.organizationId && session.user.organizationId !== user.organization_id)) return null;
  if ((session.user.sessionVersion ?? 0) !== user.session_version) return null;
  // Deactivating raises the session version too; this holds even for a token minted in the same instant.
  if (user.deactivated_at !== null) return null;
  return {
    id: user.id,
    organizationId: user.organization_id,
    role: user.role,
    email: user.email,
    name: user.name,
    passwordChangeRequired: user.password_change_required,
  };
});

type GateOptions = {
  /** Only the password page and its action: a user still on a one-time password may use nothing else. */
  allowPendingPasswordChange?: boolean;
};

type GateResult = { ok: true; user: SessionUser } | { ok: false; reason: "signed_out" | "password_change_required" };

/** The one rule for who may go on, shared by pages, actions and route handlers; they differ only in how they refuse. */
async function checkSessionUser(options: GateOptions): Promise<GateResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, reason: "signed_out" };
  if (user.passwordChangeRequired && !options.allowPendingPasswordChange) return { ok: false, reason: "password_change_required" };
  return { ok: true, user };
}

/** Pages and server actions: the signed-in user, or a redirect to sign-in (or to choosing a new password). */
export async function requireUserOrRedirect(options: GateOptions = {}) {
  const result = await checkSessionUser(options);
  if (!result.ok) redirect(result.reason === "signed_out" ? "/sign-in" : "/account/password");
  return result.user;
}

/** Admin pages and actions: reps get the 403 page. */
export async function requireAdminOrForbidden() {
  const user = await requireUserOrRedirect();
  if (user.role !== "admin") forbidden();
  return user;
}

/** Route handlers: the signed-in user, or a 401 (403 while on a one-time password) through toErrorResponse(). */
export async function requireUserOrThrow(options: GateOptions = {}) {
  const result = await checkSessionUser(options);
  if (result.ok) return result.user;
  if (result.reason === "signed_out") throw new AppError("unauthorized", "Sign in to continue.");
  throw new AppError("forbidden", "Choose a new password first: this account still has its one-time password.");
}

export async function requireAdminOrThrow() {
  const user = await requireUserOrThrow();
  if (user.role !== "admin") throw new AppError("forbidden", "Only admins can do this.");
  return user;
}

/**
 * Keeps the session of this request going after the user's password change raised their session version to
 * `sessionVersion` (which ended all their sessions): the session cookie is issued anew with that version.
 */
export async function renewSession(userId: string, sessionVersion: number): Promise<void> {
  // Auth.js types the update as session fields; the jwt callback in lib/auth/config.ts reads the renewal instead.
  const renewal: object = createSessionRenewal(getEnv().AUTH_SECRET, userId, sessionVersion);
  await unstable_update(renewal);
}
