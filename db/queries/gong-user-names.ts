import type { Kysely } from "kysely";
import type { Database } from "@/db/schema";

/** Display names (full name, else email) of an organization's Gong users by Gong id; ids not found are absent. */
export async function listGongUserNames(db: Kysely<Database>, organizationId: string, gongIds: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (gongIds.length === 0) return names;
  const rows = await db
    .selectFrom("gong_users")
    .select(["gong_id", "first_name", "last_name", "email"])
    .where("organization_id", "=", organizationId)
    .where("gong_id", "in", [...new Set(gongIds)])
    .execute();
  for (const row of rows) {
    const name = [row.first_name, row.last_name].filter(Boolean).join(" ") || row.email;
    if (name) names.set(row.gong_id, name);
  }
  return names;
}
