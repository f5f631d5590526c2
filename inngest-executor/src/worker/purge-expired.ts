import type pg from "pg";

// Rows per statement: small, so a purge never holds many locks or a long transaction; a run brings up to 1,000 steps.
const RUNS_PER_BATCH = 100;
const ROWS_PER_BATCH = 1_000;
// Statements per kind in one pass; what is left goes in the next pass.
const MAX_BATCHES = 50;

export type PurgeResult = { runs: number; events: number };

/**
 * Drops what no longer matters, oldest first and a small batch at a time: finished runs (completed, failed or
 * cancelled) with their steps and events older than the retention, event-id dedupe entries past 24 h, stale
 * throttle keys. Runs still going keep everything, however old.
 */
export async function purgeExpired(pool: pg.Pool, retentionMs: number): Promise<PurgeResult> {
  await purgeInBatches(pool, ROWS_PER_BATCH, [], `DELETE FROM inngest_executor.event_ids WHERE event_id IN (
    SELECT event_id FROM inngest_executor.event_ids WHERE received_at < now() - interval '24 hours' LIMIT $1)`);
  await pool.query("DELETE FROM inngest_executor.throttles WHERE tat < now() - interval '1 hour'");
  const runs = await purgeInBatches(pool, RUNS_PER_BATCH, [retentionMs], `WITH doomed AS (
      SELECT id FROM inngest_executor.runs
      WHERE ended_at < now() - $2 * interval '1 millisecond' AND status IN ('completed', 'failed', 'cancelled')
      ORDER BY ended_at LIMIT $1 FOR UPDATE SKIP LOCKED),
    steps AS (DELETE FROM inngest_executor.run_steps s USING doomed d WHERE s.run_id = d.id)
    DELETE FROM inngest_executor.runs r USING doomed d WHERE r.id = d.id`);
  const events = await purgeInBatches(pool, ROWS_PER_BATCH, [retentionMs], `DELETE FROM inngest_executor.events WHERE id IN (
    SELECT id FROM inngest_executor.events WHERE received_at < now() - $2 * interval '1 millisecond' ORDER BY received_at LIMIT $1)`);
  return { runs, events };
}

/** Runs a `LIMIT $1` delete until it deletes less than a batch (or MAX_BATCHES ran); the rows deleted. */
async function purgeInBatches(pool: pg.Pool, batch: number, params: unknown[], statement: string): Promise<number> {
  let total = 0;
  for (let round = 0; round < MAX_BATCHES; round++) {
    const { rowCount } = await pool.query(statement, [batch, ...params]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) break;
  }
  return total;
}
