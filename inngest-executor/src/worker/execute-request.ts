import { MAX_STEPS_PER_RUN, STEP_LIMIT_ERROR } from "../common/limits.js";
import { withTransaction } from "../postgres/transaction.js";
import { failRun } from "../runs/finish-run.js";
import type { RunError, StoredFunction } from "../runs/types.js";
import { finishItem } from "../runs/queue.js";
import { getMaxAttempts } from "../sync/function-config.js";
import { applyResponse, type AttemptContext } from "./apply-response.js";
import { callApp, type CallResult } from "./call-app.js";
import { extendLease, type QueueItem } from "./claim.js";
import { isActiveStatus } from "./lock-lease.js";
import type { WorkerContext } from "./process-item.js";
import { recordFailedAttempt } from "./record-failed-attempt.js";
import { buildRequestBody, loadFunction, loadRunState, type RunState } from "./run-state.js";

/** Sends a discovery or step request to the app (no transaction open meanwhile) and applies its answer. */
export async function executeRequest(context: WorkerContext, item: QueueItem): Promise<void> {
  const { pool } = context;
  const state = await loadRunState(pool, item.run_id);
  const fn = state ? await loadFunction(pool, state.functionId) : undefined;
  const refusal = state && isActiveStatus(state.status) ? findRefusal(state, fn) : undefined;
  if (!state || !isActiveStatus(state.status) || !fn || refusal) {
    await withTransaction(pool, async (client) => {
      if (state && refusal) await failRun(client, state.id, refusal);
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

/** Why a run may not have another request: its function is gone, or it has as many steps as Inngest allows. */
function findRefusal(state: RunState, fn: StoredFunction | undefined): RunError | undefined {
  if (!fn) return { name: "Error", message: `function ${state.functionId} is not registered` };
  // Inngest checks a run before each request, counting its memoised steps.
  return state.steps.length >= MAX_STEPS_PER_RUN ? STEP_LIMIT_ERROR : undefined;
}
