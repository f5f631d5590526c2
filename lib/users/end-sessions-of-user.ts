import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { runInTransaction } from "@/db/queries/run-in-transaction";
import { getUser } from "@/db/queries/users";
import type { Database } from "@/db/schema";
import { endUserSessions } from "@/lib/auth/end-user-sessions";
import { AppError } from "@/lib/errors";

/**
 * Ends a user's sessions on behalf of `actorUserId` (an admin, or the user themselves: "sign out everywhere"), and
 * records who did it. A user of another organization is not found.
 */
export async function endSessionsOfUser(
  db: Kysely<Database>,
  input: { organizationId: string; actorUserId: string; userId: string },
): Promise<{ email: string; name: string }> {
  return runInTransaction(db, async (trx) => {
    const user = await getUser(trx, input.userId);
    if (!user || user.organization_id !== input.organizationId) throw new AppError("not_found", "There is no such user in your organization.");
    await endUserSessions(trx, user.id);
    await createAuditEvent(trx, {
      organizationId: input.organizationId,
      actorUserId: input.actorUserId,
      action: "user.sessions_ended",
      target: user.email,
      details: { self: input.actorUserId === user.id },
    });
    return { email: user.email, name: user.name };
  });
}
