import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/**
 * Links unlinked app users to the Gong user with the same email or email alias (case-insensitive): every such user
 * of the organization (after a Gong user sync), or only `userId` (when that user is created). Users an admin linked
 * or unlinked by hand keep their choice; a Gong user is linked to one app user at most, and a match on Gong's
 * primary email wins over a match on an alias.
 */
export async function linkUsersByEmail(db: Kysely<Database>, organizationId: string, options: { userId?: string } = {}): Promise<number> {
  const result = await sql`
    with candidates as (
      select u.id as user_id, g.id as gong_user_id, g.gong_id, g.active,
             coalesce(lower(g.email) = lower(u.email), false) as by_primary
      from users u
      join gong_users g
        on g.organization_id = u.organization_id
       and (lower(g.email) = lower(u.email) or exists (select 1 from unnest(g.email_aliases) alias where lower(alias) = lower(u.email)))
      where u.organization_id = ${organizationId}
        ${options.userId ? sql`and u.id = ${options.userId}` : sql``}
        and not exists (select 1 from user_gong_links l where l.user_id = u.id)
        and not exists (select 1 from user_gong_links l where l.gong_user_id = g.id)
    ),
    best_per_user as (
      select distinct on (user_id) * from candidates order by user_id, by_primary desc, active desc, gong_id
    )
    insert into user_gong_links (user_id, organization_id, gong_user_id, source)
    select distinct on (gong_user_id) user_id, ${organizationId}::uuid, gong_user_id, 'email'
    from best_per_user
    order by gong_user_id, by_primary desc, user_id
    on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
