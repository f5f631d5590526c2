import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

export type TrendRep = { userId: string | null; name: string; gongId: string | null };

/**
 * The people a team view lists: every app user with the rep role (their Gong id, or null when not linked) and every
 * Gong user who owns calls in the aggregates without an app account. Sorted by name.
 * With `members` (a manager's table), only those Gong users are listed, each once, whether they have calls or not.
 */
export async function listTrendReps(db: Kysely<Database>, organizationId: string, gongIdsWithData: string[], members?: string[]): Promise<TrendRep[]> {
  const listed = members ? members : gongIdsWithData;
  const users = await db
    .selectFrom("users")
    .leftJoin("user_gong_links", "user_gong_links.user_id", "users.id")
    .leftJoin("gong_users", "gong_users.id", "user_gong_links.gong_user_id")
    .select(["users.id", "users.name", "gong_users.gong_id"])
    .where("users.organization_id", "=", organizationId)
    .where((eb) => {
      const withGongId = eb("gong_users.gong_id", "in", listed.length ? listed : [""]);
      return members ? withGongId : eb.or([eb("users.role", "=", "rep"), withGongId]);
    })
    .execute();
  const reps: TrendRep[] = [];
  const linked = new Set<string | null>();
  for (const user of users) {
    // Two app users linked to one Gong user would list the same series twice in a manager's table.
    if (members && linked.has(user.gong_id)) continue;
    reps.push({ userId: user.id, name: user.name, gongId: user.gong_id });
    linked.add(user.gong_id);
  }
  const unlinked = [...new Set(listed)].filter((gongId) => !linked.has(gongId));
  if (unlinked.length > 0) {
    const gongUsers = await db
      .selectFrom("gong_users")
      .select(["gong_id", "first_name", "last_name", "email"])
      .where("organization_id", "=", organizationId)
      .where("gong_id", "in", unlinked)
      .execute();
    const names = new Map(gongUsers.map((user) => [user.gong_id, [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email]));
    for (const gongId of unlinked) reps.push({ userId: null, name: names.get(gongId) ?? `Gong user ${gongId}`, gongId });
  }
  return reps.sort((a, b) => a.name.localeCompare(b.name));
}
