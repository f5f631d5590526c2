import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

const today = sql<string>`(now() at time zone 'utc')::date`;

/** Counts one Gong request against the connection's day (UTC, as Gong's daily budget). */
export async function recordGongRequest(db: Kysely<Database>, connectionId: string, status: number): Promise<void> {
  const rateLimited = status === 429 ? 1 : 0;
  const failed = status === 0 || status >= 500 ? 1 : 0;
  await db
    .insertInto("api_usage")
    .values({ connection_id: connectionId, day: today, requests: 1, rate_limited: rateLimited, failed })
    .onConflict((conflict) =>
      conflict.columns(["connection_id", "day"]).doUpdateSet({
        requests: sql`api_usage.requests + 1`,
        rate_limited: sql`api_usage.rate_limited + ${rateLimited}`,
        failed: sql`api_usage.failed + ${failed}`,
      }),
    )
    .execute();
}

export async function getTodaysApiUsage(db: Kysely<Database>, connectionId: string) {
  const row = await db
    .selectFrom("api_usage")
    .select(["requests", "rate_limited", "failed"])
    .where("connection_id", "=", connectionId)
    .where("day", "=", today)
    .executeTakeFirst();
  return row ?? { requests: 0, rate_limited: 0, failed: 0 };
}
