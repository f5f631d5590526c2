import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/** A success ends the endpoint's failure streak. */
export async function markEndpointSucceeded(db: Kysely<Database>, id: string): Promise<void> {
  await db.updateTable("webhook_endpoints").set({ failing_since: null }).where("id", "=", id).where("failing_since", "is not", null).execute();
}

/** A failed attempt starts (or continues) the streak; returns since when the endpoint has been failing. */
export async function markEndpointFailed(db: Kysely<Database>, id: string): Promise<Date | null> {
  const row = await db
    .updateTable("webhook_endpoints")
    .set({ failing_since: sql<Date>`coalesce(failing_since, now())` })
    .where("id", "=", id)
    .returning("failing_since")
    .executeTakeFirst();
  return row?.failing_since ?? null;
}

/** Stops deliveries to the endpoint; its admins see `reason` until they enable it again. */
export async function disableWebhookEndpoint(db: Kysely<Database>, id: string, reason: string): Promise<void> {
  await db.updateTable("webhook_endpoints").set({ enabled: false, disabled_reason: reason, disabled_at: new Date(), updated_at: new Date() }).where("id", "=", id).where("enabled", "=", true).execute();
}

/**
 * Takes the endpoint's next send slot, `1 / perSecond` seconds after the last one (never in the past): the time
 * this delivery may go. Concurrent callers each get their own slot, as the row update serialises them.
 */
export async function reserveEndpointSlot(db: Kysely<Database>, id: string, perSecond: number): Promise<Date> {
  const intervalMs = Math.ceil(1000 / perSecond);
  const row = await db
    .updateTable("webhook_endpoints")
    .set({ next_slot_at: sql<Date>`greatest(coalesce(next_slot_at, now()), now()) + make_interval(secs => ${intervalMs / 1000})` })
    .where("id", "=", id)
    .returning("next_slot_at")
    .executeTakeFirst();
  const next = row?.next_slot_at ? new Date(row.next_slot_at) : new Date(Date.now() + intervalMs);
  return new Date(next.getTime() - intervalMs);
}
