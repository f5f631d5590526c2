import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";
import type { RateLimitWindow } from "./api-rate-limits";

/**
 * Counts one request of a user's action in its current fixed window and returns the count so far. One statement:
 * the user's finished windows of that action are dropped in the same round trip, so the table stays a row or two
 * per active user and action.
 */
export async function countUserRequest(db: Kysely<Database>, userId: string, action: string, windowSeconds: number): Promise<RateLimitWindow> {
  const windowStart = sql<Date>`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const { rows } = await sql<{ requests: number; window_ends_at: Date }>`
    with finished as (
      delete from user_rate_limits
      where user_id = ${userId} and action = ${action} and window_start < ${windowStart})
    insert into user_rate_limits (user_id, action, window_start, requests)
    values (${userId}, ${action}, ${windowStart}, 1)
    on conflict (user_id, action, window_start) do update set requests = user_rate_limits.requests + 1
    returning requests, window_start + make_interval(secs => ${windowSeconds}) as window_ends_at`.execute(db);
  const row = rows[0]!;
  return { requests: row.requests, windowEndsAt: new Date(row.window_ends_at) };
}
