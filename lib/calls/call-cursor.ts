import { z } from "zod";

/** Keyset position in the calls list: the last row's started_at (Postgres text, full precision) and id. */
export type CallCursor = { startedAt: string; id: string };

const cursorSchema = z.object({ s: z.string().min(1).max(64), i: z.uuid() });

// Postgres' ISO output for timestamptz ("2026-11-01 09:15:00.123456+00", "+05:30" offsets) and ISO-8601 input.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;

/**
 * Whether Postgres will read `text` as a timestamptz. Date.parse is not the test: it takes "1" and "2026-02-30",
 * which Postgres refuses, and a refused cursor would be a 500 instead of a fresh start or a 400.
 */
export function isCursorTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours = 0, offsetMinutes = 0] = match.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  const realDay = date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
  return realDay && year! >= 1 && hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHours <= 15 && offsetMinutes <= 59;
}

export function encodeCallCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.startedAt, i: cursor.id })).toString("base64url");
}

/** The cursor from a URL, or null when it is missing or not one of ours (a stale or edited link starts over). */
export function decodeCallCursor(value: string | null | undefined): CallCursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success || !isCursorTimestamp(parsed.data.s)) return null;
    return { startedAt: parsed.data.s, id: parsed.data.i };
  } catch {
    return null;
  }
}
