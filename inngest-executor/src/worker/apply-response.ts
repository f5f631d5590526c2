import { z } from "zod";
import type pg from "pg";
import { getBackoffMs, parseRetryAfter } from "../common/backoff.js";
import { completeRun, failRun } from "../runs/finish-run.js";
import { finishItem, retryItem } from "../runs/queue.js";
import { opSchema } from "../runs/types.js";
import type { CallResult } from "./call-app.js";
import type { QueueItem } from "./claim.js";
import { applyOps } from "./handle-ops.js";
import { countAttempt, lockLease } from "./lock-lease.js";
import { parseJson, toRunError } from "./read-response.js";

export type AttemptContext = { item: QueueItem; maxAttempts: number; backoffScale: number };

/** Applies the app's answer to one leased request, inside the caller's transaction. */
export async function applyResponse(client: pg.PoolClient, context: AttemptContext, result: CallResult): Promise<void> {
  const { item, maxAttempts } = context;
  const lease = await lockLease(client, item);
  // Only the claim that holds the lease may count the attempt or act on the answer.
  if (lease === "stale") return;
  // Cancelled (or finished elsewhere) while the request was in flight: its outcome is ignored.
  if (lease === "run-ended") return finishItem(client, item.id, item.lease);
  await countAttempt(client, item);
  const retryAfterMs = result.kind === "response" ? parseRetryAfter(result.retryAfter) : undefined;
  const retryDelayMs = (attempt: number) => retryAfterMs ?? getBackoffMs(attempt, context.backoffScale);

  if (result.kind === "response" && result.status === 200) {
    await completeRun(client, item.run_id, parseJson(result.body));
  } else if (result.kind === "response" && result.status === 206) {
    const parsed = z.array(opSchema).safeParse(parseJson(result.body));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
      throw new Error(`the 206 answer is not a list of ops: ${issues.join("; ")}`);
    }
    const ops = parsed.data;
    await applyOps({ client, runId: item.run_id, attempt: item.attempt, maxAttempts, noRetry: result.noRetry, retryDelayMs }, ops);
  } else {
    const next = item.attempt + 1;
    const retriable = !(result.kind === "response" && result.noRetry) && next < maxAttempts;
    if (retriable) await retryItem(client, item.id, next, new Date(Date.now() + retryDelayMs(next)));
    else await failRun(client, item.run_id, toRunError(result));
  }
  await finishItem(client, item.id, item.lease);
}
