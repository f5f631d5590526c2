import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { createUser, isEmailTaken, type UserSummary } from "@/db/queries/users";
import type { Database, Role } from "@/db/schema";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";

export type CreateUserInput = { organizationId: string; actorUserId: string | null; email: string; name: string; role: Role };

/** Creates a user who must choose a new password at first sign-in; the one-time password is returned once. */
export async function createUserWithOneTimePassword(
  db: Kysely<Database>,
  input: CreateUserInput,
): Promise<{ user: UserSummary; oneTimePassword: string }> {
  if (await isEmailTaken(db, input.organizationId, input.email)) {
    throw new AppError("conflict", `${input.email} already has an account in this organization.`);
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const user = await db.transaction().execute(async (trx) => {
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
    return created;
  });
  return { user, oneTimePassword };
}
