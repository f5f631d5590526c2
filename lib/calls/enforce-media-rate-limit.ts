import type { Kysely } from "kysely";
import { countUserRequest } from "@/db/queries/user-rate-limits";
import type { Database } from "@/db/schema";
import { rejectOverLimit } from "@/lib/rate-limit";

/**
 * Per signed-in user, shared by every replica. Every recording request counts against `requests` (the player asks
 * again when it seeks, so it is generous); those that must ask Gong also count against `gongFetches`, so one rep
 * spends at most 30 Gong requests an hour on recordings (720 a day, 7 % of the company's 10,000).
 */
export const MEDIA_RATE_LIMITS = {
  requests: { action: "media", limit: 120, windowSeconds: 60, noun: "recording requests this minute" },
  gongFetches: { action: "media-gong-fetch", limit: 30, windowSeconds: 3600, noun: "recordings fetched from Gong this hour" },
} as const;

export async function enforceMediaRateLimit(db: Kysely<Database>, userId: string, kind: keyof typeof MEDIA_RATE_LIMITS): Promise<void> {
  const { action, limit, windowSeconds, noun } = MEDIA_RATE_LIMITS[kind];
  const window = await countUserRequest(db, userId, action, windowSeconds);
  rejectOverLimit(window, limit, (retryAfter) => `You reached the limit of ${limit} ${noun}. Try again in ${retryAfter} s.`);
}
