// Inngest's Go server (pkg/backoff) waits along this table, with jitter, between attempts.
const TABLE_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_200_000, 2_400_000, 3_600_000, 7_200_000];

/** Delay before the given retry (attempt 1 is the first retry), scaled for tests. */
export function getBackoffMs(attempt: number, scale: number): number {
  const base = TABLE_MS[Math.min(Math.max(attempt - 1, 0), TABLE_MS.length - 1)] ?? 15_000;
  const jitter = Math.random() * base * 0.2;
  return Math.round((base + jitter) * scale);
}

/** Retry-After as seconds or an HTTP/RFC 3339 date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
