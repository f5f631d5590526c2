import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { runInTransaction } from "@/db/queries/run-in-transaction";
import { getUserForUpdate, lockActiveAdmins } from "@/db/queries/users";
import type { Database, User } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type ManageUserInput = { organizationId: string; actorUserId: string; userId: string };

/** A change an admin may not make to themselves (and why), and whether it takes away an admin: never the last one. */
export type AdminEffect = { selfRefusal: string; removesAdmin: (user: User) => boolean } | null;

/**
 * Runs an admin's change to a user of their organization in one transaction and records it. The organization's active
 * admins are locked first (always in that order, then the user), so "not yourself, not the last admin" holds even when
 * two admins act on each other at the same moment. A user of another organization is not found.
 */
export async function manageUser<T>(
  db: Kysely<Database>,
  input: ManageUserInput,
  change: { action: string; effect: AdminEffect },
  run: (trx: Kysely<Database>, user: User) => Promise<{ result: T; details?: Record<string, unknown> }>,
): Promise<T> {
  return runInTransaction(db, async (trx) => {
    const admins = change.effect ? await lockActiveAdmins(trx, input.organizationId) : [];
    const user = await getUserForUpdate(trx, input.organizationId, input.userId);
    if (!user) throw new AppError("not_found", "There is no such user in your organization.");
    if (change.effect && user.id === input.actorUserId) {
      throw new AppError("bad_request", change.effect.selfRefusal);
    }
    if (change.effect?.removesAdmin(user) && admins.length <= 1 && admins.includes(user.id)) {
      throw new AppError("conflict", `${user.name} is the organization's last admin. Make someone else an admin first.`);
    }
    const { result, details } = await run(trx, user);
    await createAuditEvent(trx, {
      organizationId: input.organizationId,
      actorUserId: input.actorUserId,
      action: change.action,
      target: user.email,
      details: details ?? {},
    });
    return result;
  });
}

/** True for an admin who can sign in now: taking them away counts against the last-admin rule. */
export function isActiveAdmin(user: User): boolean {
  return user.role === "admin" && user.deactivated_at === null;
}
