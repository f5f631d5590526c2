import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type GongRequestSlot = {
  /** Milliseconds from now until the reserved slot starts; when not booked, until the first free slot. */
  waitMs: number;
  /** False when the first free slot is more than `maxWaitMs` away: nothing was reserved, nobody else is delayed. */
  booked: boolean;
};

/**
 * Reserves the connection's next request slot, `spacingMs` after the previous one, if it starts within `maxWaitMs`;
 * null when the connection is no longer connected (disconnected, or waiting for re-authorization), so nothing more
 * is sent to Gong for it. A caller that would give up rather than wait that long reserves nothing, so it pushes no
 * one else's requests back. One atomic statement, so every process and replica shares one schedule per Gong
 * company; the wait is measured on the database's clock, so replicas whose clocks differ still keep the spacing.
 */
export async function reserveGongRequestSlot(
  db: Kysely<Database>,
  connectionId: string,
  spacingMs: number,
  maxWaitMs: number,
): Promise<GongRequestSlot | null> {
  const spacing = sql`make_interval(secs => ${spacingMs / 1000})`;
  const latestStart = sql`clock_timestamp() + make_interval(secs => ${maxWaitMs / 1000})`;
  const { rows } = await sql<{ connected: boolean; booked_wait_ms: number | null; free_in_ms: number | null }>`
    with connection as (
      select id from gong_connections where id = ${connectionId} and status = 'connected'
    ), previous as (
      select next_slot_at from gong_request_slots where connection_id = ${connectionId}
    ), booked as (
      insert into gong_request_slots (connection_id, next_slot_at)
      select id, clock_timestamp() + ${spacing} from connection
      on conflict (connection_id) do update
        set next_slot_at = greatest(gong_request_slots.next_slot_at, clock_timestamp()) + ${spacing}
        where gong_request_slots.next_slot_at <= ${latestStart}
      returning next_slot_at
    )
    select
      exists (select 1 from connection) as connected,
      (select extract(epoch from (next_slot_at - ${spacing} - clock_timestamp())) * 1000 from booked) as booked_wait_ms,
      (select extract(epoch from (next_slot_at - clock_timestamp())) * 1000 from previous) as free_in_ms`.execute(db);
  const row = rows[0]!;
  if (!row.connected) return null;
  if (row.booked_wait_ms !== null) return { waitMs: Math.max(0, Number(row.booked_wait_ms)), booked: true };
  return { waitMs: Math.max(0, Number(row.free_in_ms ?? 0)), booked: false };
}

/** After a 429, nobody sends for this connection until Gong's Retry-After has passed. */
export async function pauseGongRequests(db: Kysely<Database>, connectionId: string, seconds: number): Promise<void> {
  await db
    .insertInto("gong_request_slots")
    .values({ connection_id: connectionId, next_slot_at: sql<Date>`clock_timestamp() + make_interval(secs => ${seconds})` })
    .onConflict((conflict) =>
      conflict.column("connection_id").doUpdateSet({
        next_slot_at: sql<Date>`greatest(gong_request_slots.next_slot_at, clock_timestamp() + make_interval(secs => ${seconds}))`,
      }),
    )
    .execute();
}
