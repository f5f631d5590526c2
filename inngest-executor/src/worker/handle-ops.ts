import { internalEvents } from "inngest";
import { StepOpCode } from "inngest/types";
import { z } from "zod";
import { MAX_STEPS_PER_RUN, STATE_LIMIT_ERROR, STEP_LIMIT_ERROR } from "../common/limits.js";
import type { Queryable } from "../postgres/transaction.js";
import { checkResultSizes } from "../runs/check-result-sizes.js";
import { resolveUntil } from "../common/duration.js";
import { createRun } from "../runs/create-run.js";
import { completeRun, failRun } from "../runs/finish-run.js";
import { enqueueDiscover, enqueueStep, enqueueTimer, hasStepResult, saveStepResult } from "../runs/queue.js";
import type { InngestEvent, Op, RunError } from "../runs/types.js";
import { loadFunction } from "./run-state.js";

// Ops of the SDK's StepOpCode the executor has no handler for (WaitForSignal, Gateway, AIGateway, defers, …).
const KNOWN_OPS = new Set<string>(Object.values(StepOpCode));

export type OpsContext = {
  client: Queryable;
  runId: string;
  attempt: number;
  maxAttempts: number;
  noRetry: boolean;
  retryDelayMs: (attempt: number) => number;
};

/**
 * Applies the ops of a 206 response, queueing whatever comes next (steps, timers, a discovery). An op the executor
 * does not know, a step output over Inngest's limit or an unreadable op throws: the attempt fails and is retried, as
 * an SDK newer than the executor would be. More ops than the step limit, or a state past its limit, fail the run.
 */
export async function applyOps(context: OpsContext, ops: Op[]): Promise<void> {
  const { client, runId } = context;
  if (ops.length > MAX_STEPS_PER_RUN) return failRun(client, runId, STEP_LIMIT_ERROR);
  if ((await checkResultSizes(client, runId, ops)) === "state-overflow") return failRun(client, runId, STATE_LIMIT_ERROR);
  const plannedCount = ops.filter((op) => op.op !== StepOpCode.RunComplete).length;
  if (plannedCount > 1) {
    await client.query("UPDATE inngest_executor.runs SET disable_immediate = true WHERE id = $1", [runId]);
  }
  let discover = false;
  for (const op of ops) {
    switch (op.op) {
      // Always followed by a discovery, even when a checkpoint already memoised the step (first write wins).
      case StepOpCode.StepRun:
        await saveStepResult(client, runId, op.id, { data: op.data ?? null });
        discover = true;
        break;
      case StepOpCode.StepFailed:
        await saveStepResult(client, runId, op.id, { error: op.error });
        discover = true;
        break;
      case StepOpCode.StepError:
        discover = (await applyStepError(context, op)) || discover;
        break;
      case StepOpCode.StepPlanned:
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await enqueueStep(client, runId, op.id);
        break;
      case StepOpCode.Sleep:
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await enqueueTimer(client, runId, "wake", op.id, resolveUntil(op.opts?.duration ?? op.name));
        break;
      case StepOpCode.WaitForEvent:
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await registerWait(client, runId, op);
        break;
      case StepOpCode.InvokeFunction:
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await invokeFunction(context, op);
        break;
      case StepOpCode.DiscoveryRequest:
        discover = true;
        break;
      case StepOpCode.RunComplete:
        await completeRun(client, runId, op.data);
        return;
      default:
        throw new Error(
          KNOWN_OPS.has(op.op) ? `opcode ${op.op} is not supported by the embedded executor (step ${op.id})` : `unknown opcode ${op.op} (step ${op.id})`,
        );
    }
  }
  if (discover) await enqueueDiscover(client, runId);
}

async function applyStepError(context: OpsContext, op: Op): Promise<boolean> {
  const next = context.attempt + 1;
  if (context.noRetry || next >= context.maxAttempts) {
    await saveStepResult(context.client, context.runId, op.id, { error: op.error });
    return true;
  }
  await context.client.query(
    `INSERT INTO inngest_executor.queue (run_id, function_id, kind, step_id, attempt, available_at, concurrency_keys, concurrency_limits)
     SELECT id, function_id, 'step', $2, $3, now() + $4 * interval '1 millisecond', concurrency_keys, concurrency_limits
     FROM inngest_executor.runs WHERE id = $1
     ON CONFLICT (run_id, kind, step_id) DO UPDATE SET attempt = excluded.attempt, available_at = excluded.available_at,
       locked_until = NULL, lease_owner = NULL`,
    [context.runId, op.id, next, context.retryDelayMs(next)],
  );
  return false;
}

async function registerWait(client: Queryable, runId: string, op: Op): Promise<void> {
  const eventName = typeof op.opts?.event === "string" ? op.opts.event : op.name;
  if (!eventName) throw new Error(`WaitForEvent ${op.id} names no event`);
  const expression = typeof op.opts?.if === "string" ? op.opts.if : null;
  const expiresAt = resolveUntil(op.opts?.timeout ?? "1y");
  await client.query(
    `INSERT INTO inngest_executor.pauses (run_id, kind, step_id, event_name, expression, expires_at)
     VALUES ($1, 'wait', $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [runId, op.id, eventName, expression, expiresAt],
  );
  await enqueueTimer(client, runId, "wait-timeout", op.id, expiresAt);
}

const invokeOptsSchema = z.object({
  function_id: z.string(),
  payload: z.object({ data: z.record(z.string(), z.unknown()).nullish() }).passthrough().optional(),
  timeout: z.string().optional(),
});

async function invokeFunction(context: OpsContext, op: Op): Promise<void> {
  const opts = invokeOptsSchema.parse(op.opts);
  const config = (await loadFunction(context.client, opts.function_id))?.config;
  if (!config) {
    const error: RunError = { name: "Error", message: `could not invoke ${opts.function_id}: function not registered` };
    await saveStepResult(context.client, context.runId, op.id, { error });
    await enqueueDiscover(context.client, context.runId);
    return;
  }
  const event: InngestEvent = {
    ...opts.payload,
    name: internalEvents.FunctionInvoked,
    data: opts.payload?.data ?? {},
    id: `${context.runId}:${op.id}`,
    ts: Date.now(),
  };
  await createRun(context.client, config, event, { parentRunId: context.runId, parentStepId: op.id });
  if (opts.timeout) await enqueueTimer(context.client, context.runId, "invoke-timeout", op.id, resolveUntil(opts.timeout));
}
