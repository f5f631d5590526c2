import { z } from "zod";

/** Keyset position in the calls list: the last row's started_at (Postgres text, full precision) and id. */
export type CallCursor = { startedAt: string; id: string };

const cursorSchema = z.object({ s: z.string().min(1).max(64), i: z.uuid() });

export function encodeCallCursor(cursor: CallCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.startedAt, i: cursor.id })).toString("base64url");
}

/** The cursor from a URL, or null when it is missing or not one of ours (a stale or edited link starts over). */
export function decodeCallCursor(value: string | null | undefined): CallCursor | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success || Number.isNaN(Date.parse(parsed.data.s))) return null;
    return { startedAt: parsed.data.s, id: parsed.data.i };
  } catch {
    return null;
  }
}
