import { z } from "zod";
import type { Queryable } from "../postgres/transaction.js";
import { resolveUntil } from "../common/duration.js";
import { createRun } from "../runs/create-run.js";
import { completeRun, failRun } from "../runs/finish-run.js";
import { enqueueDiscover, enqueueStep, enqueueTimer, hasStepResult, saveStepResult } from "../runs/queue.js";
import type { InngestEvent, RunError } from "../runs/types.js";
import { loadFunction } from "./run-state.js";

export const opSchema = z
  .object({
    id: z.string(),
    op: z.string(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
  })
  .passthrough();

export type Op = z.infer<typeof opSchema>;

export type OpsContext = {
  client: Queryable;
  runId: string;
  attempt: number;
  maxAttempts: number;
  noRetry: boolean;
  retryDelayMs: (attempt: number) => number;
};

/** Applies the ops of a 206 response, queueing whatever comes next (steps, timers, a discovery). */
export async function applyOps(context: OpsContext, ops: Op[]): Promise<void> {
  const { client, runId } = context;
  const plannedCount = ops.filter((op) => op.op !== "RunComplete").length;
  if (plannedCount > 1) {
    await client.query("UPDATE inngest_executor.runs SET disable_immediate = true WHERE id = $1", [runId]);
  }
  let discover = false;
  for (const op of ops) {
    switch (op.op) {
      // Always followed by a discovery, even when a checkpoint already memoised the step (first write wins).
      case "StepRun":
        await saveStepResult(client, runId, op.id, { data: op.data ?? null });
        discover = true;
        break;
      case "StepFailed":
        await saveStepResult(client, runId, op.id, { error: op.error });
        discover = true;
        break;
      case "StepError":
        discover = (await applyStepError(context, op)) || discover;
        break;
      case "StepPlanned":
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await enqueueStep(client, runId, op.id);
        break;
      case "Sleep":
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await enqueueTimer(client, runId, "wake", op.id, resolveUntil(op.opts?.duration ?? op.name));
        break;
      case "WaitForEvent":
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await registerWait(client, runId, op);
        break;
      case "InvokeFunction":
        if (await hasStepResult(client, runId, op.id)) discover = true;
        else await invokeFunction(context, op);
        break;
      case "DiscoveryRequest":
        discover = true;
        break;
      case "RunComplete":
        await completeRun(client, runId, op.data);
        return;
      default:
        await failRun(client, runId, { name: "UnsupportedOpcode", message: `unsupported opcode ${op.op} (step ${op.id})` });
        return;
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
    `INSERT INTO inngest_executor.queue (run_id, kind, step_id, attempt, available_at, concurrency_keys, concurrency_limits)
     SELECT id, 'step', $2, $3, now() + $4 * interval '1 millisecond', concurrency_keys, concurrency_limits
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
    name: "inngest/function.invoked",
    data: opts.payload?.data ?? {},
    id: `${context.runId}:${op.id}`,
    ts: Date.now(),
  };
  await createRun(context.client, config, event, { parentRunId: context.runId, parentStepId: op.id });
  if (opts.timeout) await enqueueTimer(context.client, context.runId, "invoke-timeout", op.id, resolveUntil(opts.timeout));
}
