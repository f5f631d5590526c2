import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

export type TrendRep = { userId: string | null; name: string; gongId: string | null };

/**
 * The people a team view lists: every app user with the rep role (their Gong id, or null when not linked) and every
 * Gong user who owns calls in the aggregates without an app account. Sorted by name.
 */
export async function listTrendReps(db: Kysely<Database>, organizationId: string, gongIdsWithData: string[]): Promise<TrendRep[]> {
  const users = await db
    .selectFrom("users")
    .leftJoin("user_gong_links", "user_gong_links.user_id", "users.id")
    .leftJoin("gong_users", "gong_users.id", "user_gong_links.gong_user_id")
    .select(["users.id", "users.name", "gong_users.gong_id"])
    .where("users.organization_id", "=", organizationId)
    .where((eb) => eb.or([eb("users.role", "=", "rep"), eb("gong_users.gong_id", "in", gongIdsWithData.length ? gongIdsWithData : [""])]))
    .execute();
  const reps: TrendRep[] = users.map((user) => ({ userId: user.id, name: user.name, gongId: user.gong_id }));
  const linked = new Set(reps.map((rep) => rep.gongId));
  const unlinked = [...new Set(gongIdsWithData)].filter((gongId) => !linked.has(gongId));
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
