import { type Kysely, sql } from "kysely";
import type { Database, WebhookDeliveryOutcome } from "@/db/schema";
import type { WebhookDeliveryInput } from "./webhook-deliveries";

/**
 * Rejected deliveries logged per connection in any rolling hour. Anyone can post rejections, so past this they are
 * answered alike but not logged: a flood then needs almost 7 hours, not seconds, to push the rejections Gong's own
 * deliveries met out of the newest 200, and the log still shows it.
 */
export const REJECTED_LOG_RATE = { rows: 30, windowMinutes: 60 } as const;

export type LoggedDelivery = Pick<WebhookDeliveryInput, "connectionId" | "outcome">;

/**
 * One insert for a batch of deliveries; returns those logged. Gong's own deliveries (the hot path) take a plain
 * insert; a batch with rejections leaves out each connection's past the hour's REJECTED_LOG_RATE, in the same statement.
 */
export function insertWebhookDeliveries(db: Kysely<Database>, deliveries: readonly WebhookDeliveryInput[]): Promise<readonly LoggedDelivery[]> {
  return deliveries.some((delivery) => delivery.outcome === "rejected") ? insertRateLimited(db, deliveries) : insertAll(db, deliveries);
}

function toRow(delivery: WebhookDeliveryInput) {
  return {
    organization_id: delivery.organizationId,
    connection_id: delivery.connectionId,
    outcome: delivery.outcome,
    reason: delivery.reason,
    http_status: delivery.httpStatus,
    call_gong_id: delivery.callGongId,
    is_test: delivery.isTest,
    event_id: delivery.eventId,
    auth: delivery.auth ?? null,
  };
}

async function insertAll(db: Kysely<Database>, deliveries: readonly WebhookDeliveryInput[]): Promise<readonly LoggedDelivery[]> {
  await db.insertInto("webhook_deliveries").values(deliveries.map(toRow)).execute();
  return deliveries;
}

/** Counted on the rejected-deliveries index, which holds at most a few dozen rows of a connection's last hour. */
async function insertRateLimited(db: Kysely<Database>, deliveries: readonly WebhookDeliveryInput[]): Promise<LoggedDelivery[]> {
  const rows = deliveries.map(toRow);
  const column = <K extends keyof (typeof rows)[number]>(key: K) => sql.val(rows.map((row) => row[key]));
  const { rows: logged } = await sql<{ connection_id: string; outcome: WebhookDeliveryOutcome }>`
    with input as (
      select * from unnest(
        ${column("organization_id")}::uuid[], ${column("connection_id")}::uuid[], ${column("outcome")}::text[], ${column("reason")}::text[],
        ${column("http_status")}::int[], ${column("call_gong_id")}::text[], ${column("is_test")}::boolean[], ${column("event_id")}::text[], ${column("auth")}::text[])
        with ordinality as t(organization_id, connection_id, outcome, reason, http_status, call_gong_id, is_test, event_id, auth, ordinal)
    ), recent as (
      select connection_id, count(*) as logged from webhook_deliveries
      where outcome = 'rejected' and received_at > now() - make_interval(mins => ${REJECTED_LOG_RATE.windowMinutes})
        and connection_id in (select connection_id from input where outcome = 'rejected')
      group by connection_id
    ), ranked as (
      select input.*, row_number() over (partition by connection_id, outcome = 'rejected' order by ordinal) as nth from input
    )
    insert into webhook_deliveries (organization_id, connection_id, outcome, reason, http_status, call_gong_id, is_test, event_id, auth)
    select organization_id, connection_id, outcome, reason, http_status, call_gong_id, is_test, event_id, auth from ranked
    where outcome <> 'rejected'
      or nth + coalesce((select logged from recent where recent.connection_id = ranked.connection_id), 0) <= ${REJECTED_LOG_RATE.rows}
    returning connection_id, outcome`.execute(db);
  return logged.map((row) => ({ connectionId: row.connection_id, outcome: row.outcome }));
}
