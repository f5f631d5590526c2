import { AppError } from "@/lib/errors";

export type CountedWindow = { requests: number; windowEndsAt: Date };

/** A 429 with Retry-After once a fixed window holds more than `limit` requests; `what` says whose and how many. */
export function rejectOverLimit(window: CountedWindow, limit: number, what: (retryAfterSeconds: number) => string): void {
  if (window.requests <= limit) return;
  const retryAfter = Math.max(1, Math.ceil((window.windowEndsAt.getTime() - Date.now()) / 1000));
  throw new AppError("rate_limited", what(retryAfter), { headers: { "retry-after": String(retryAfter) } });
}
