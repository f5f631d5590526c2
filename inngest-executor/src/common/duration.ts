import { durationToMs } from "inngest";

/** Milliseconds in an Inngest time string such as "1s", "1h30m" or "2d" (the SDK's own parser); undefined when it is not one. */
export function parseDuration(value: string): number | undefined {
  try {
    return durationToMs(value);
  } catch {
    return undefined;
  }
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
