import type { Queryable } from "../postgres/transaction.js";

/** `batch-timeout` closes an event batch: its `run_id` is the batch's id and its `step_id` the function's. */
export type QueueKind = "discover" | "step" | "wake" | "wait-timeout" | "invoke-timeout" | "batch-timeout";

/**
 * Queues a discovery request. At most one per run exists; when one is already executing, it is flagged
 * to run again so results that land during the call are not left without a follow-up discovery.
 */
export async function enqueueDiscover(client: Queryable, runId: string, availableAt?: Date, attempt = 0): Promise<void> {
  await client.query(
    `INSERT INTO inngest_executor.queue (run_id, function_id, kind, step_id, attempt, available_at, concurrency_keys, concurrency_limits)
     SELECT id, function_id, 'discover', '', $2, coalesce($3, now()), concurrency_keys, concurrency_limits
     FROM inngest_executor.runs WHERE id = $1
     ON CONFLICT (run_id, kind, step_id) DO UPDATE
       SET rerun = inngest_executor.queue.rerun OR inngest_executor.queue.locked_until IS NOT NULL`,
    [runId, attempt, availableAt ?? null],
  );
}

/** Queues a request for one planned step; a step already queued or running is left alone (dedupe). */
export async function enqueueStep(client: Queryable, runId: string, stepId: string, attempt = 0, availableAt?: Date): Promise<void> {
  await client.query(
    `INSERT INTO inngest_executor.queue (run_id, function_id, kind, step_id, attempt, available_at, concurrency_keys, concurrency_limits)
     SELECT id, function_id, 'step', $2, $3, coalesce($4, now()), concurrency_keys, concurrency_limits
     FROM inngest_executor.runs WHERE id = $1
     ON CONFLICT (run_id, kind, step_id) DO NOTHING`,
    [runId, stepId, attempt, availableAt ?? null],
  );
}

/** Queues a timer (sleep end, wait, invoke or batch timeout); timers never hold a concurrency slot. */
export async function enqueueTimer(client: Queryable, runId: string, kind: QueueKind, stepId: string, at: Date): Promise<void> {
  await client.query(
    `INSERT INTO inngest_executor.queue (run_id, function_id, kind, step_id, available_at)
     SELECT $1, coalesce((SELECT function_id FROM inngest_executor.runs WHERE id = $1), ''), $2, $3, $4
     ON CONFLICT (run_id, kind, step_id) DO NOTHING`,
    [runId, kind, stepId, at],
  );
}

/** Puts a claimed item back for a later attempt. */
export async function retryItem(client: Queryable, itemId: string, attempt: number, availableAt: Date): Promise<void> {
  await client.query(
    `UPDATE inngest_executor.queue SET attempt = $2, available_at = $3, locked_until = NULL, lease_owner = NULL, rerun = false
     WHERE id = $1`,
    [itemId, attempt, availableAt],
  );
}

/** Releases a finished item: deleted, or re-armed at once when a discovery was requested meanwhile. */
export async function finishItem(client: Queryable, itemId: string, lease: string): Promise<void> {
  // Only while still ours: a retry already re-armed the row, or another executor took over an expired lease.
  await client.query("DELETE FROM inngest_executor.queue WHERE id = $1 AND lease_owner = $2 AND NOT rerun", [itemId, lease]);
  await client.query(
    `UPDATE inngest_executor.queue SET rerun = false, attempt = 0, locked_until = NULL, lease_owner = NULL, available_at = now()
     WHERE id = $1 AND lease_owner = $2`,
    [itemId, lease],
  );
}

/** Memoises a step result with its size; the first write wins, so a step that finished is never overwritten. */
export async function saveStepResult(client: Queryable, runId: string, stepId: string, result: unknown): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO inngest_executor.run_steps (run_id, step_id, result, bytes) VALUES ($1, $2, $3::text::jsonb, octet_length($3::text))
     ON CONFLICT DO NOTHING`,
    [runId, stepId, JSON.stringify(result)],
  );
  return rowCount === 1;
}

/** Whether a step already has a memoised result. */
export async function hasStepResult(client: Queryable, runId: string, stepId: string): Promise<boolean> {
  const { rowCount } = await client.query(
    "SELECT 1 FROM inngest_executor.run_steps WHERE run_id = $1 AND step_id = $2",
    [runId, stepId],
  );
  return rowCount === 1;
}
