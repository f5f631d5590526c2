import type { Kysely } from "kysely";
import { Gauge, Registry } from "prom-client";
import {
  countCountedSignInFailures,
  countOutboundDeliveries,
  countRecentSyncRuns,
  countWebhookDeliveries,
  readConnectionMetrics,
  readExecutorQueue,
} from "@/db/queries/operational-metrics";
import type { Database } from "@/db/schema";
import { processMetrics } from "./process-metrics";

/** Gong's documented daily request budget per company (as the settings page shows it). */
export const GONG_DAILY_REQUEST_BUDGET = 10_000;

const seconds = (from: Date | null, now: Date) => (from ? Math.max(0, (now.getTime() - new Date(from).getTime()) / 1000) : Number.NaN);

/**
 * The Prometheus text exposition: what the database knows (computed at scrape time, so every replica reports
 * the same and a restart loses nothing), plus this process's own counters.
 */
export async function renderMetrics(db: Kysely<Database>, now = new Date()): Promise<{ contentType: string; body: string }> {
  const [connections, deliveries, runs, signInFailures, queue, outbound] = await Promise.all([
    readConnectionMetrics(db),
    countWebhookDeliveries(db),
    countRecentSyncRuns(db),
    countCountedSignInFailures(db),
    readExecutorQueue(db),
    countOutboundDeliveries(db),
  ]);
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) => new Gauge({ name, help, labelNames, registers: [registry] });
  const byConnection = ["connection_id", "organization_id"];

  const connected = gauge("callbridge_gong_connection_connected", "1 when the Gong connection is connected, 0 when it needs re-authorization or was disconnected.", [...byConnection, "status"]);
  const requests = gauge("callbridge_gong_requests_total", "Gong API requests sent, over the days kept in api_usage.", byConnection);
  const rateLimited = gauge("callbridge_gong_rate_limited_total", "Gong API requests answered 429, over the days kept in api_usage.", byConnection);
  const requestsToday = gauge("callbridge_gong_requests_today", "Gong API requests sent today (UTC).", byConnection);
  const rateLimitedToday = gauge("callbridge_gong_rate_limited_today", "Gong API requests answered 429 today (UTC).", byConnection);
  const failedToday = gauge("callbridge_gong_failed_requests_today", "Gong API requests that failed (5xx or no answer) today (UTC).", byConnection);
  const budget = gauge("callbridge_gong_daily_budget_used_ratio", `Share of Gong's daily budget (${GONG_DAILY_REQUEST_BUDGET} requests) spent today (UTC).`, byConnection);
  const lag = gauge("callbridge_sync_lag_seconds", "Seconds since the start of the newest stored call (NaN when none is stored).", byConnection);
  const sinceSuccess = gauge("callbridge_sync_last_success_age_seconds", "Seconds since a sync run last succeeded (NaN when none has).", byConnection);
  const stored = gauge("callbridge_calls_stored", "Calls stored.", byConnection);
  const quarantined = gauge("callbridge_quarantined_records", "Gong records a sync could not store (Settings → Sync → Quarantine).", byConnection);
  for (const row of connections) {
    const labels = { connection_id: row.connection_id, organization_id: row.organization_id };
    connected.set({ ...labels, status: row.status }, row.status === "connected" ? 1 : 0);
    requests.set(labels, Number(row.requests_total));
    rateLimited.set(labels, Number(row.rate_limited_total));
    requestsToday.set(labels, row.requests_today);
    rateLimitedToday.set(labels, row.rate_limited_today);
    failedToday.set(labels, row.failed_today);
    budget.set(labels, row.requests_today / GONG_DAILY_REQUEST_BUDGET);
    lag.set(labels, seconds(row.newest_call_started_at, now));
    sinceSuccess.set(labels, seconds(row.last_success_at, now));
    stored.set(labels, row.calls_stored);
    quarantined.set(labels, row.quarantined);
  }

  const webhook = gauge("callbridge_webhook_deliveries", "Gong webhook deliveries in the (bounded) delivery log, by verdict and reason.", ["connection_id", "outcome", "reason"]);
  for (const row of deliveries) webhook.set({ connection_id: row.connection_id, outcome: row.outcome, reason: row.reason ?? "" }, row.n);

  const outboundDeliveries = gauge("callbridge_outbound_deliveries", "Outbound webhook deliveries kept, by endpoint and outcome (pending, delivered, failed, cancelled).", ["endpoint_id", "status"]);
  for (const row of outbound) outboundDeliveries.set({ endpoint_id: row.endpoint_id, status: row.status }, row.n);

  const syncRuns = gauge("callbridge_sync_runs_24h", "Sync runs created in the last 24 hours, by kind and status.", ["kind", "status"]);
  for (const row of runs) syncRuns.set({ kind: row.kind, status: row.status }, row.n);

  gauge("callbridge_sign_in_failures_counted", "Failed sign-in attempts still counted against a sign-in limit (all keys).").set(signInFailures);

  if (queue) {
    gauge("callbridge_executor_queue_depth", "Items in the embedded executor's queue (ready, waiting or leased).").set(queue.depth);
    gauge("callbridge_executor_queue_ready", "Queue items ready to run now and not leased.").set(queue.ready);
    gauge("callbridge_executor_queue_oldest_ready_age_seconds", "Seconds the oldest ready item has waited (0 when none is ready).").set(queue.oldest_ready_at ? seconds(queue.oldest_ready_at, now) : 0);
  }

  const merged = Registry.merge([registry, processMetrics.registry]);
  return { contentType: merged.contentType, body: await merged.metrics() };
}
