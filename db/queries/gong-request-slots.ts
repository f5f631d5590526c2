import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/**
 * Reserves the connection's next request slot, `spacingMs` after the previous one, and returns how many
 * milliseconds from now it starts; null when the connection is no longer connected (disconnected, or waiting for
 * re-authorization), so nothing more is sent to Gong for it. One atomic statement, so every process and replica
 * shares one schedule per Gong company; the wait is measured on the database's clock, so replicas whose clocks
 * differ still keep the spacing.
 */
export async function reserveGongRequestSlot(db: Kysely<Database>, connectionId: string, spacingMs: number): Promise<number | null> {
  const spacing = sql`make_interval(secs => ${spacingMs / 1000})`;
  const row = await db
    .insertInto("gong_request_slots")
    .columns(["connection_id", "next_slot_at"])
    .expression(
      db
        .selectFrom("gong_connections")
        .select(["id", sql<Date>`clock_timestamp() + ${spacing}`.as("next_slot_at")])
        .where("id", "=", connectionId)
        .where("status", "=", "connected"),
    )
    .onConflict((conflict) =>
      conflict.column("connection_id").doUpdateSet({
        next_slot_at: sql<Date>`greatest(gong_request_slots.next_slot_at, clock_timestamp()) + ${spacing}`,
      }),
    )
    .returning(sql<number>`extract(epoch from (next_slot_at - ${spacing} - clock_timestamp())) * 1000`.as("wait_ms"))
    .executeTakeFirst();
  return row ? Math.max(0, Number(row.wait_ms)) : null;
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
