import { type Kysely, sql } from "kysely";
import type { Database } from "@/db/schema";

export type ConnectionMetricsRow = {
  connection_id: string;
  organization_id: string;
  status: string;
  requests_today: number;
  rate_limited_today: number;
  failed_today: number;
  requests_total: number;
  rate_limited_total: number;
  calls_stored: number;
  newest_call_started_at: Date | null;
  quarantined: number;
  last_success_at: Date | null;
};

export type CountRow = { connection_id: string; outcome: string; reason: string | null; n: number };
export type QueueRow = { depth: number; ready: number; oldest_ready_at: Date | null };

/** Per connection: Gong requests (today, UTC, and all days kept), calls stored and newest, quarantined, last good sync. */
export async function readConnectionMetrics(db: Kysely<Database>): Promise<ConnectionMetricsRow[]> {
  const { rows } = await sql<ConnectionMetricsRow>`
    select c.id as connection_id, c.organization_id, c.status,
      coalesce(u.requests_today, 0)::int as requests_today,
      coalesce(u.rate_limited_today, 0)::int as rate_limited_today,
      coalesce(u.failed_today, 0)::int as failed_today,
      coalesce(u.requests_total, 0)::bigint::float8 as requests_total,
      coalesce(u.rate_limited_total, 0)::bigint::float8 as rate_limited_total,
      coalesce(k.calls_stored, 0)::int as calls_stored,
      k.newest_call_started_at,
      coalesce(q.quarantined, 0)::int as quarantined,
      r.last_success_at
    from gong_connections c
    left join lateral (
      select sum(requests) filter (where day = (now() at time zone 'utc')::date) as requests_today,
             sum(rate_limited) filter (where day = (now() at time zone 'utc')::date) as rate_limited_today,
             sum(failed) filter (where day = (now() at time zone 'utc')::date) as failed_today,
             sum(requests) as requests_total, sum(rate_limited) as rate_limited_total
      from api_usage where connection_id = c.id) u on true
    left join lateral (select count(*) as calls_stored, max(started_at) as newest_call_started_at from calls where connection_id = c.id) k on true
    left join lateral (select count(*) as quarantined from quarantined_gong_records where connection_id = c.id) q on true
    left join lateral (
      select max(finished_at) as last_success_at from sync_runs where connection_id = c.id and status = 'succeeded') r on true
    order by c.id`.execute(db);
  return rows;
}

/** Webhook deliveries still in the (bounded) delivery log, by connection, verdict and reason. */
export async function countWebhookDeliveries(db: Kysely<Database>): Promise<CountRow[]> {
  const { rows } = await sql<CountRow>`
    select connection_id, outcome, reason, count(*)::int as n from webhook_deliveries group by 1, 2, 3 order by 1, 2, 3`.execute(db);
  return rows;
}

/** Sync runs of the last 24 hours by kind and status. */
export async function countRecentSyncRuns(db: Kysely<Database>): Promise<{ kind: string; status: string; n: number }[]> {
  const { rows } = await sql<{ kind: string; status: string; n: number }>`
    select kind, status, count(*)::int as n from sync_runs where created_at > now() - interval '24 hours' group by 1, 2 order by 1, 2`.execute(db);
  return rows;
}

/** Failed sign-in attempts still counted against a limit (lib/auth/sign-in-limits.ts), over all keys. */
export async function countCountedSignInFailures(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select coalesce(sum(cardinality(counted_at)), 0)::int as n from sign_in_attempts`.execute(db);
  return rows[0]?.n ?? 0;
}

/** The embedded executor's queue, when it shares this database; null under Inngest Cloud or `inngest start`. */
export async function readExecutorQueue(db: Kysely<Database>): Promise<QueueRow | null> {
  const { rows: present } = await sql<{ present: boolean }>`select to_regclass('inngest_executor.queue') is not null as present`.execute(db);
  if (!present[0]?.present) return null;
  const { rows } = await sql<QueueRow>`
    select count(*)::int as depth,
           (count(*) filter (where available_at <= now() and (locked_until is null or locked_until < now())))::int as ready,
           min(available_at) filter (where available_at <= now() and (locked_until is null or locked_until < now())) as oldest_ready_at
    from inngest_executor.queue`.execute(db);
  return rows[0] ?? null;
}

/** Outbound webhook deliveries by endpoint and status (pending, delivered, failed, cancelled). */
export async function countOutboundDeliveries(db: Kysely<Database>): Promise<{ endpoint_id: string; status: string; n: number }[]> {
  const { rows } = await sql<{ endpoint_id: string; status: string; n: number }>`
    select endpoint_id, status, count(*)::int as n from outbound_deliveries group by 1, 2 order by 1, 2`.execute(db);
  return rows;
}
