import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/** Failures per key within the window, and when the oldest of them leaves it. */
export async function countRecentSignInFailures(
  db: Kysely<Database>,
  keys: string[],
  windowMinutes: number,
): Promise<{ key: string; failures: number; oldest: Date }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom("sign_in_failures")
    .select(["key", sql<string>`count(*)`.as("failures"), sql<Date>`min(failed_at)`.as("oldest")])
    .where("key", "in", keys)
    .where("failed_at", ">", sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
    .groupBy("key")
    .execute();
  return rows.map((row) => ({ key: row.key, failures: Number(row.failures), oldest: new Date(row.oldest) }));
}

export async function recordSignInFailure(db: Kysely<Database>, keys: string[]): Promise<void> {
  await db.insertInto("sign_in_failures").values(keys.map((key) => ({ key }))).execute();
  await db.deleteFrom("sign_in_failures").where("failed_at", "<", sql<Date>`now() - interval '1 day'`).execute();
}

export async function clearSignInFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("sign_in_failures").where("key", "=", key).execute();
}
