import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

/** A success ends each endpoint's failure streak (one statement for all). */
export async function markEndpointsSucceeded(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("webhook_endpoints").set({ failing_since: null }).where("id", "in", [...new Set(ids)]).where("failing_since", "is not", null).execute();
}

/** A failed attempt starts (or continues) each endpoint's streak; answers since when each has been failing, by id. */
export async function markEndpointsFailed(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .updateTable("webhook_endpoints")
    .set({ failing_since: sql<Date>`coalesce(failing_since, now())` })
    .where("id", "in", [...new Set(ids)])
    .returning(["id", "failing_since"])
    .execute();
  return new Map(rows.flatMap((row) => (row.failing_since ? [[row.id, row.failing_since] as const] : [])));
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
