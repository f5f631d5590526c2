import { type Kysely, sql } from "kysely";
import type { Database, GongConnectionStatus } from "@/db/schema";

export type SetupProgress = {
  connection: GongConnectionStatus | null;
  /** Gong's rule has delivered at least once with valid credentials (a test counts). */
  webhookVerified: boolean;
  users: number;
  linkedUsers: number;
  reps: number;
  unlinkedReps: number;
};

/** How far an organization got with its first-run setup, in one round trip, for the admins' checklist. */
export async function getSetupProgress(db: Kysely<Database>, organizationId: string): Promise<SetupProgress> {
  const { rows } = await sql<{
    connection: GongConnectionStatus | null;
    webhook_verified: boolean;
    users: number;
    linked_users: number;
    reps: number;
    unlinked_reps: number;
  }>`
    select
      (select status from gong_connections where organization_id = ${organizationId}) as connection,
      exists (select 1 from webhook_deliveries where organization_id = ${organizationId} and outcome <> 'rejected') as webhook_verified,
      count(*)::int as users,
      count(*) filter (where l.gong_user_id is not null)::int as linked_users,
      count(*) filter (where u.role = 'rep')::int as reps,
      count(*) filter (where u.role = 'rep' and l.gong_user_id is null)::int as unlinked_reps
    from users u
    left join user_gong_links l on l.user_id = u.id
    where u.organization_id = ${organizationId}`.execute(db);
  const row = rows[0]!;
  return {
    connection: row.connection,
    webhookVerified: row.webhook_verified,
    users: row.users,
    linkedUsers: row.linked_users,
    reps: row.reps,
    unlinkedReps: row.unlinked_reps,
  };
}
