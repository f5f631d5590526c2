import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type RateLimitWindow = { requests: number; windowEndsAt: Date };

/** Counts one request in the key's current fixed window and returns the count so far; one atomic upsert. */
export async function countApiRequest(db: Kysely<Database>, apiKeyId: string, windowSeconds: number): Promise<RateLimitWindow> {
  const windowStart = sql<Date>`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const row = await db
    .insertInto("api_rate_limits")
    .values({ api_key_id: apiKeyId, window_start: windowStart, requests: 1 })
    .onConflict((conflict) =>
      conflict.columns(["api_key_id", "window_start"]).doUpdateSet({ requests: sql<number>`api_rate_limits.requests + 1` }),
    )
    .returning(["requests", sql<Date>`window_start + make_interval(secs => ${windowSeconds})`.as("window_ends_at")])
    .executeTakeFirstOrThrow();
  return { requests: row.requests, windowEndsAt: new Date(row.window_ends_at) };
}

/** Drops the key's finished windows so the table stays one or two rows per active key. */
export async function deleteOldApiRateLimitWindows(db: Kysely<Database>, apiKeyId: string, windowSeconds: number): Promise<void> {
  await db
    .deleteFrom("api_rate_limits")
    .where("api_key_id", "=", apiKeyId)
    .where("window_start", "<", sql<Date>`now() - make_interval(secs => ${windowSeconds * 2})`)
    .execute();
}
