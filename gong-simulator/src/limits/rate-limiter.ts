/** Per-company budget: at most `perSecond` admitted requests in any rolling second, `perDay` per UTC day. */
export interface RateLimiter { admitted: number[]; day: string; dailyUsage: number }

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; reason: "second" | "day" };

const WINDOW_MS = 1000;

export function createRateLimiter(): RateLimiter {
  return { admitted: [], day: utcDay(Date.now()), dailyUsage: 0 };
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Admits and counts the request, or says how long to wait; refused requests use no budget. */
export function admitRequest(limiter: RateLimiter, limits: { perSecond: number; perDay: number }, nowMs = Date.now()): RateDecision {
  const today = utcDay(nowMs);
  if (today !== limiter.day) {
    limiter.day = today;
    limiter.dailyUsage = 0;
  }
  if (limiter.dailyUsage >= limits.perDay) {
    const midnight = Date.parse(`${today}T00:00:00Z`) + 86_400_000;
    return { ok: false, reason: "day", retryAfterSeconds: Math.max(1, Math.ceil((midnight - nowMs) / 1000)) };
  }
  while (limiter.admitted.length > 0 && limiter.admitted[0]! <= nowMs - WINDOW_MS) limiter.admitted.shift();
  if (limiter.admitted.length >= limits.perSecond) return { ok: false, reason: "second", retryAfterSeconds: 1 };
  limiter.admitted.push(nowMs);
  limiter.dailyUsage++;
  return { ok: true };
}
