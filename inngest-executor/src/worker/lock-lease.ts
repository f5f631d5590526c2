import type { Queryable } from "../postgres/transaction.js";
import type { QueueItem } from "./claim.js";

export type LeaseState = "held" | "run-ended" | "stale";

/**
 * Locks the run, then the leased queue item (the order every writer uses). "stale" means the lease lapsed and
 * another claim owns the item now: that claim decides the outcome, so the caller changes nothing.
 */
export async function lockLease(client: Queryable, item: QueueItem): Promise<LeaseState> {
  const run = await client.query<{ status: string }>("SELECT status FROM inngest_executor.runs WHERE id = $1 FOR UPDATE", [
    item.run_id,
  ]);
  const held = await client.query("SELECT 1 FROM inngest_executor.queue WHERE id = $1 AND lease_owner = $2 FOR UPDATE", [
    item.id,
    item.lease,
  ]);
  if (held.rowCount !== 1) return "stale";
  return isActiveStatus(run.rows[0]?.status) ? "held" : "run-ended";
}

/** Whether a run can still make progress (neither completed, failed nor cancelled). */
export function isActiveStatus(status: string | undefined): boolean {
  return status === "queued" || status === "running";
}

/** Counts one more attempt on the run (what /v1/runs and the dashboard show). */
export async function countAttempt(client: Queryable, item: QueueItem): Promise<void> {
  await client.query("UPDATE inngest_executor.runs SET attempts = greatest(attempts, $2) WHERE id = $1", [item.run_id, item.attempt + 1]);
}
