import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/** A manager's reports, direct and transitive: Gong ids, and the lower-cased emails and aliases parties match by. */
export type GongTeam = { gongIds: string[]; emails: string[] };

export const NO_TEAM: GongTeam = { gongIds: [], emails: [] };

/**
 * Everyone who reports to `managerGongId` in Gong, at any depth, within one organization, while the organization lets
 * managers see their team. Walked down gong_users.manager_gong_id with a recursive query whose UNION drops rows already
 * reached, so a cycle in Gong's data (A reports to B reports to A) or a self-reference ends the walk instead of looping;
 * the manager themselves is never their own report. Read fresh on every request: a users sync that moves a rep
 * changes what their old and new managers see from the next request on.
 */
export async function getGongTeam(db: Kysely<Database>, organizationId: string, managerGongId: string): Promise<GongTeam> {
  const result = await sql<{ gong_id: string; email: string | null; email_aliases: string[] }>`
    with recursive team(gong_id) as (
      select member.gong_id from gong_users member
      where member.organization_id = ${organizationId} and member.manager_gong_id = ${managerGongId}
        and exists (select 1 from organizations where organizations.id = ${organizationId} and organizations.managers_see_team)
      union
      select member.gong_id from gong_users member join team on member.manager_gong_id = team.gong_id
      where member.organization_id = ${organizationId}
    )
    select gong_users.gong_id, gong_users.email, gong_users.email_aliases
    from gong_users join team on team.gong_id = gong_users.gong_id
    where gong_users.organization_id = ${organizationId} and gong_users.gong_id <> ${managerGongId}
    order by gong_users.gong_id`.execute(db);
  const emails = result.rows.flatMap((row) => [row.email, ...row.email_aliases]).filter((email): email is string => !!email);
  return { gongIds: result.rows.map((row) => row.gong_id), emails: [...new Set(emails.map((email) => email.trim().toLowerCase()))] };
}
