import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/** The times of each key's failures within the window, newest first. */
export async function listRecentSignInFailures(db: Kysely<Database>, keys: string[], windowMinutes: number): Promise<Map<string, Date[]>> {
  const recent = new Map<string, Date[]>();
  if (keys.length === 0) return recent;
  const rows = await db
    .selectFrom("sign_in_failures")
    .select(["key", "failed_at"])
    .where("key", "in", keys)
    .where("failed_at", ">", sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
    .orderBy("failed_at", "desc")
    .execute();
  for (const row of rows) recent.set(row.key, [...(recent.get(row.key) ?? []), new Date(row.failed_at)]);
  return recent;
}

export async function recordSignInFailure(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.insertInto("sign_in_failures").values(keys.map((key) => ({ key }))).execute();
  await db.deleteFrom("sign_in_failures").where("failed_at", "<", sql<Date>`now() - interval '1 day'`).execute();
}

export async function clearSignInFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("key", "=", key).execute();
}
