import type { Kysely } from "kysely";
import { createAuditEvent } from "@/db/queries/audit-events";
import { setManagersSeeTeam } from "@/db/queries/organizations";
import { runInTransaction } from "@/db/queries/run-in-transaction";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** An admin turns "Managers see their team's calls" on or off; a change (not a save of the same value) is audited. */
export async function setManagersSeeTeamSetting(
  db: Kysely<Database>,
  input: { organizationId: string; actorUserId: string; enabled: boolean },
): Promise<void> {
  await runInTransaction(db, async (trx) => {
    const before = await setManagersSeeTeam(trx, input.organizationId, input.enabled);
    if (before === undefined) throw new AppError("not_found", "There is no such organization.");
    if (before === input.enabled) return;
    await createAuditEvent(trx, {
      organizationId: input.organizationId,
      actorUserId: input.actorUserId,
      action: "organization.managers_see_team_changed",
      details: { from: before, to: input.enabled },
    });
  });
}
