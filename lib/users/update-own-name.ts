import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { runInTransaction } from "@/db/queries/run-in-transaction";
import { getUser, setUserName } from "@/db/queries/users";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** A user renames themselves on their account page; the old and new names go to the audit log. */
export async function updateOwnName(db: Kysely<Database>, input: { userId: string; name: string }): Promise<void> {
  await runInTransaction(db, async (trx) => {
    const user = await getUser(trx, input.userId);
    if (!user) throw new AppError("not_found", "Sign in again to change your name.");
    if (user.name === input.name) return;
    await setUserName(trx, user.id, input.name);
    await createAuditEvent(trx, {
      organizationId: user.organization_id,
      actorUserId: user.id,
      action: "user.renamed",
      target: user.email,
      details: { from: user.name, to: input.name },
    });
  });
}
