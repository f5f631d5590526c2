import type pg from "pg";

/** Drops what no longer matters: event-id dedupe entries past 24 h, stale throttle keys and old event history. */
export async function purgeExpired(pool: pg.Pool): Promise<void> {
  await pool.query("DELETE FROM inngest_executor.event_ids WHERE received_at < now() - interval '24 hours'");
  await pool.query("DELETE FROM inngest_executor.throttles WHERE tat < now() - interval '1 hour'");
  await pool.query("DELETE FROM inngest_executor.events WHERE received_at < now() - interval '7 days'");
}
