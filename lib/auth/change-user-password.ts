import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { runInTransaction } from "@/db/queries/run-in-transaction";
import { getSignInWaits, reserveSignInAttempts, settleSignInAttempts } from "@/db/queries/sign-in-attempts";
import { getUser, updateUserPassword } from "@/db/queries/users";
import type { Database } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MINUTES, toRetryAfterMinutes } from "./sign-in-limits";

export type ChangeUserPasswordResult = { ok: true; sessionVersion: number } | { ok: false; error: string };

/**
 * Sets a user's new password, which ends every session they have (the caller renews the one they are using with the
 * version returned). They must give their current password, so a session left open is not enough to take the account
 * over; wrong ones count against a limit of their own, apart from the sign-in limit, which others can run up and
 * which must not keep a user under attack from changing their password. A user still on a one-time password is not
 * asked for it again: they typed it to sign in, and that session can do nothing but choose a password.
 */
export async function changeUserPassword(
  db: Kysely<Database>,
  input: { userId: string; currentPassword: string; newPassword: string },
): Promise<ChangeUserPasswordResult> {
  const user = await getUser(db, input.userId);
  if (!user) return { ok: false, error: "Sign in again to change your password." };
  if (!user.password_change_required) {
    const checked = await checkCurrentPassword(db, user.id, user.password_hash, input.currentPassword);
    if (!checked.ok) return checked;
  }
  const passwordHash = await hashPassword(input.newPassword);
  const sessionVersion = await runInTransaction(db, async (trx) => {
    const version = await updateUserPassword(trx, user.id, passwordHash);
    await createAuditEvent(trx, { organizationId: user.organization_id, actorUserId: user.id, action: "user.password_changed", target: user.email });
    return version;
  });
  return { ok: true, sessionVersion };
}

async function checkCurrentPassword(db: Kysely<Database>, userId: string, passwordHash: string, password: string): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!password) return { ok: false, error: "Enter your current password." };
  const limit = { key: `password-check:${userId}`, max: SIGN_IN_MAX_FAILURES };
  const { countedAt } = await reserveSignInAttempts(db, [limit], SIGN_IN_WINDOW_MINUTES);
  if (!countedAt) {
    const minutes = toRetryAfterMinutes((await getSignInWaits(db, [limit], SIGN_IN_WINDOW_MINUTES)).get(limit.key));
    return { ok: false, error: `Too many wrong current passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` };
  }
  if (!(await verifyPassword(password, passwordHash))) return { ok: false, error: "That isn't your current password." };
  await settleSignInAttempts(db, { clear: [limit.key], release: [], countedAt });
  return { ok: true };
}
