import type { Kysely } from "kysely";
import { countApiRequest, deleteOldApiRateLimitWindows } from "@/db/queries/api-rate-limits";
import type { Database } from "@/db/schema";
import { rejectOverLimit } from "@/lib/rate-limit";

const WINDOW_SECONDS = 60;

/** Fixed one-minute windows per key, counted in Postgres so every app replica shares them. */
export async function enforceApiRateLimit(db: Kysely<Database>, apiKeyId: string, limitPerMinute: number): Promise<void> {
  const window = await countApiRequest(db, apiKeyId, WINDOW_SECONDS);
  if (window.requests === 1) await deleteOldApiRateLimitWindows(db, apiKeyId, WINDOW_SECONDS);
  rejectOverLimit(window, limitPerMinute, (retryAfter) => `This API key made more than ${limitPerMinute} requests this minute. Retry in ${retryAfter} s.`);
}
