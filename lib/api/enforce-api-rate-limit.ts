import type { Kysely } from "kysely";
import { countApiRequest, deleteOldApiRateLimitWindows } from "@/db/queries/api-rate-limits";
import type { Database } from "@/db/schema";
import { AppError } from "@/lib/errors";

const WINDOW_SECONDS = 60;

/** Fixed one-minute windows per key, counted in Postgres so every app replica shares them. */
export async function enforceApiRateLimit(db: Kysely<Database>, apiKeyId: string, limitPerMinute: number): Promise<void> {
  const window = await countApiRequest(db, apiKeyId, WINDOW_SECONDS);
  if (window.requests === 1) await deleteOldApiRateLimitWindows(db, apiKeyId, WINDOW_SECONDS);
  if (window.requests <= limitPerMinute) return;
  const retryAfter = Math.max(1, Math.ceil((window.windowEndsAt.getTime() - Date.now()) / 1000));
  throw new AppError("rate_limited", `This API key made more than ${limitPerMinute} requests this minute. Retry in ${retryAfter} s.`, {
    headers: { "retry-after": String(retryAfter) },
  });
}
