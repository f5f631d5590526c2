import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { runInTransaction } from "@/db/queries/run-in-transaction";
import { linkUsersByEmail } from "@/db/queries/user-gong-links";
import { createUser, isEmailTaken, type UserSummary } from "@/db/queries/users";
import type { Database, Role } from "@/db/schema";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

export type CreateUserInput = { organizationId: string; actorUserId: string | null; email: string; name: string; role: Role };

/**
 * Creates a user who must choose a new password at first sign-in; the one-time password is returned once. `then`
 * runs in the same transaction, so a user is never left half set up when a later step fails. Unless `then` linked
 * the user to a Gong user, they are linked by email as a Gong user sync would, so they see their calls at once.
 */
export async function createUserWithOneTimePassword(
  db: Kysely<Database>,
  input: CreateUserInput,
  then?: (trx: Kysely<Database>, user: UserSummary) => Promise<void>,
): Promise<{ user: UserSummary; oneTimePassword: string }> {
  const oneTimePassword = generateOneTimePassword();
  // Hashed before the transaction opens: scrypt takes a while and should not hold a connection in one.
  const passwordHash = await hashPassword(oneTimePassword);
  const taken = () => new AppError("conflict", `${input.email} already has an account in this organization.`);
  const user = await runInTransaction(db, async (trx) => {
    if (await isEmailTaken(trx, input.organizationId, input.email)) throw taken();
    const created = await createUser(trx, {
      organization_id: input.organizationId,
      email: input.email,
      name: input.name,
      role: input.role,
      password_hash: passwordHash,
      password_change_required: true,
    });
    await createAuditEvent(trx, {
      organizationId: input.organizationId,
      actorUserId: input.actorUserId,
      action: "user.created",
      target: created.email,
      details: { role: created.role },
    });
    await then?.(trx, created);
    await linkUsersByEmail(trx, input.organizationId, { userId: created.id });
    return created;
  }).catch((error: unknown) => {
    // Two admins adding the same email at once: the unique constraint decides, and the loser hears why.
    if ((error as { constraint?: string }).constraint === "users_organization_id_email_key") throw taken();
    throw error;
  });
  return { user, oneTimePassword };
}
