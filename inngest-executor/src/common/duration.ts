const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds in an Inngest time string such as "1s", "1h30m" or "2d"; undefined when it is not one. */
export function parseDuration(value: string): number | undefined {
  const parts = [...value.trim().matchAll(/(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join("") !== value.replace(/\s+/g, "")) return undefined;
  return parts.reduce((total, part) => total + Number(part[1]) * (UNIT_MS[part[2] ?? "ms"] ?? 1), 0);
}

/** The moment a sleep or timeout ends: a duration from now, or an absolute date. */
export function resolveUntil(value: unknown, now = Date.now()): Date {
  if (typeof value === "number") return new Date(now + value);
  if (typeof value === "string") {
    const duration = parseDuration(value);
    if (duration !== undefined) return new Date(now + duration);
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return new Date(date);
  }
  throw new Error(`unreadable duration or date: ${JSON.stringify(value)}`);
}
