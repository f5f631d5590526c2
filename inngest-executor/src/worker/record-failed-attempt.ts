import type pg from "pg";
import { getBackoffMs } from "../common/backoff.js";
import { withTransaction } from "../postgres/transaction.js";
import { failRun } from "../runs/finish-run.js";
import { finishItem, retryItem } from "../runs/queue.js";
import type { AttemptContext } from "./apply-response.js";
import { countAttempt, lockLease } from "./lock-lease.js";

/**
 * Counts an attempt whose answer the executor could not apply (its transaction rolled back, e.g. output jsonb
 * rejects or an op it cannot read). Without this the item would only be re-claimed after its lease with the
 * same attempt number, and the app would re-run a finished step forever. Retries with backoff; once the
 * retry budget is spent the run fails, naming the reason.
 */
export async function recordFailedAttempt(pool: pg.Pool, context: AttemptContext, cause: unknown): Promise<void> {
  const { item, maxAttempts } = context;
  const reason = describeCause(cause);
  await withTransaction(pool, async (client) => {
    const lease = await lockLease(client, item);
    if (lease === "stale") return;
    if (lease === "run-ended") return finishItem(client, item.id, item.lease);
    await countAttempt(client, item);
    const next = item.attempt + 1;
    const where = item.kind === "step" ? `step ${item.step_id}` : "discovery";
    if (next < maxAttempts) {
      console.error(`[inngest-executor] run ${item.run_id}: could not apply the app's answer to ${where} (attempt ${next} of ${maxAttempts}), retrying: ${reason}`);
      await retryItem(client, item.id, next, new Date(Date.now() + getBackoffMs(next, context.backoffScale)));
      return;
    }
    await failRun(client, item.run_id, {
      name: "ExecutorError",
      message: `the executor could not apply the app's answer to ${where} in ${maxAttempts} attempts: ${reason}`,
    });
  });
}

function describeCause(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  const detail = cause && typeof cause === "object" && "detail" in cause && typeof cause.detail === "string" ? ` (${cause.detail})` : "";
  // The reason is stored as jsonb too, which cannot hold U+0000 either.
  return `${message}${detail}`.replace(/\u0000/g, "\\u0000").slice(0, 1_000);
}
