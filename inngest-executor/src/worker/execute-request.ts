import { withTransaction } from "../postgres/transaction.js";
import { failRun } from "../runs/finish-run.js";
import { finishItem } from "../runs/queue.js";
import { getMaxAttempts } from "../sync/function-config.js";
import { applyResponse, type AttemptContext } from "./apply-response.js";
import { callApp, type CallResult } from "./call-app.js";
import { extendLease, type QueueItem } from "./claim.js";
import { isActiveStatus } from "./lock-lease.js";
import type { WorkerContext } from "./process-item.js";
import { recordFailedAttempt } from "./record-failed-attempt.js";
import { buildRequestBody, loadFunction, loadRunState } from "./run-state.js";

/** Sends a discovery or step request to the app (no transaction open meanwhile) and applies its answer. */
export async function executeRequest(context: WorkerContext, item: QueueItem): Promise<void> {
  const { pool } = context;
  const state = await loadRunState(pool, item.run_id);
  const fn = state ? await loadFunction(pool, state.functionId) : undefined;
  if (!state || !isActiveStatus(state.status) || !fn) {
    await withTransaction(pool, async (client) => {
      if (state && isActiveStatus(state.status)) {
        await failRun(client, state.id, { name: "Error", message: `function ${state.functionId} is not registered` });
      }
      await finishItem(client, item.id, item.lease);
    });
    return;
  }
  const { config, appUrl: url } = fn;
  const maxAttempts = getMaxAttempts(config);
  const heartbeat = setInterval(() => {
    extendLease(pool, item.id, item.lease, context.leaseMs).catch(() => undefined);
  }, Math.max(context.leaseMs / 3, 50));
  let result: CallResult;
  try {
    result = await callApp({
      url,
      functionId: config.id,
      stepId: item.kind === "step" ? item.step_id : "step",
      body: buildRequestBody(state, `${item.id}/${item.lease}`, item.attempt, maxAttempts),
      signingKey: context.signingKey,
      timeoutMs: context.requestTimeoutMs,
    });
  } finally {
    clearInterval(heartbeat);
  }
  if (result.kind === "unreachable") context.onUnreachable(url);

  const attempt: AttemptContext = { item, maxAttempts, backoffScale: context.backoffScale };
  try {
    await withTransaction(pool, (client) => applyResponse(client, attempt, result));
  } catch (error) {
    await recordFailedAttempt(pool, attempt, error);
  }
}
