import { StepOpCode } from "inngest/types";
import { MAX_RUN_STATE_BYTES, MAX_STEP_OUTPUT_BYTES, describeOversizedOutput, jsonBytes } from "../common/limits.js";
import type { Queryable } from "../postgres/transaction.js";
import type { Op } from "./types.js";

/** A step output over Inngest's limit, found in an answer or a checkpoint. */
export class OversizedOutputError extends Error {}

/**
 * Inngest's size limits on the results ops would memoise: one output over 4 MiB throws OversizedOutputError, and
 * outputs that would take the run's state past 32 MiB answer "state-overflow". A step already memoised (reported
 * again after a checkpoint) adds nothing: the first result is kept.
 */
export async function checkResultSizes(client: Queryable, runId: string, ops: Op[]): Promise<"ok" | "state-overflow"> {
  const outputs = new Map<string, number>();
  for (const op of ops) {
    if (op.op !== StepOpCode.StepRun && op.op !== StepOpCode.StepFailed) continue;
    const bytes = jsonBytes(op.op === StepOpCode.StepRun ? op.data : op.error);
    if (bytes > MAX_STEP_OUTPUT_BYTES) throw new OversizedOutputError(describeOversizedOutput(op.id, bytes));
    outputs.set(op.id, bytes);
  }
  if (outputs.size === 0) return "ok";
  const { rows } = await client.query<{ bytes: string; memoised: string[] }>(
    `SELECT coalesce(sum(bytes), 0) AS bytes, coalesce(array_agg(step_id) FILTER (WHERE step_id = ANY($2::text[])), '{}') AS memoised
     FROM inngest_executor.run_steps WHERE run_id = $1`,
    [runId, [...outputs.keys()]],
  );
  for (const stepId of rows[0]?.memoised ?? []) outputs.delete(stepId);
  const added = [...outputs.values()].reduce((sum, bytes) => sum + bytes, 0);
  return Number(rows[0]?.bytes ?? 0) + added > MAX_RUN_STATE_BYTES ? "state-overflow" : "ok";
}
