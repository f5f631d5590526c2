import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

export type GongUserRecord = {
  gong_id: string;
  email: string | null;
  email_aliases: string[];
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  active: boolean;
  manager_gong_id: string | null;
};

/** Upserts a page of Gong users; emails and aliases are stored lower-case for matching. */
export async function upsertGongUsers(db: Kysely<Database>, organizationId: string, users: GongUserRecord[]): Promise<void> {
  const unique = [...new Map(users.map((user) => [user.gong_id, user])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto("gong_users")
    .values(
      unique.map((user) => ({
        ...user,
        email: user.email?.toLowerCase() ?? null,
        email_aliases: user.email_aliases.map((alias) => alias.toLowerCase()),
        organization_id: organizationId,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(["organization_id", "gong_id"]).doUpdateSet((eb) => ({
        email: eb.ref("excluded.email"),
        email_aliases: eb.ref("excluded.email_aliases"),
        first_name: eb.ref("excluded.first_name"),
        last_name: eb.ref("excluded.last_name"),
        title: eb.ref("excluded.title"),
        active: eb.ref("excluded.active"),
        manager_gong_id: eb.ref("excluded.manager_gong_id"),
        updated_at: new Date(),
      })),
    )
    .execute();
}
