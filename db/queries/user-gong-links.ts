import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/**
 * Links every unlinked app user to the Gong user with the same email or email alias (case-insensitive).
 * Users an admin linked or unlinked by hand keep their choice; a Gong user is linked to one app user at most.
 */
export async function linkUsersByEmail(db: Kysely<Database>, organizationId: string): Promise<number> {
  const result = await sql`
    insert into user_gong_links (user_id, organization_id, gong_user_id, source)
    select distinct on (u.id) u.id, u.organization_id, g.id, 'email'
    from users u
    join gong_users g
      on g.organization_id = u.organization_id
     and (g.email = u.email or u.email = any(g.email_aliases))
    where u.organization_id = ${organizationId}
      and not exists (select 1 from user_gong_links l where l.user_id = u.id)
      and not exists (select 1 from user_gong_links l where l.gong_user_id = g.id)
    order by u.id, (g.email = u.email) desc, g.active desc
    on conflict do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
