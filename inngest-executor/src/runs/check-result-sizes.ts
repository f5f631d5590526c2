import { StepOpCode } from "inngest/types";
import { MAX_RUN_STATE_BYTES, MAX_STEP_OUTPUT_BYTES, describeOversizedOutput, jsonBytes } from "../common/limits.js";
import type { Queryable } from "../postgres/transaction.js";
import { readStateBytes } from "./queue.js";
import type { Op } from "./types.js";

/** A step output over Inngest's limit, found in an answer or a checkpoint. */
export class OversizedOutputError extends Error {}

/**
 * Inngest's size limits on the results ops would memoise: one output over 4 MiB throws OversizedOutputError, and
 * outputs that would take the run's state past 32 MiB answer "state-overflow".
 */
export async function checkResultSizes(client: Queryable, runId: string, ops: Op[]): Promise<"ok" | "state-overflow"> {
  let added = 0;
  for (const op of ops) {
    if (op.op !== StepOpCode.StepRun && op.op !== StepOpCode.StepFailed) continue;
    const bytes = jsonBytes(op.op === StepOpCode.StepRun ? op.data : op.error);
    if (bytes > MAX_STEP_OUTPUT_BYTES) throw new OversizedOutputError(describeOversizedOutput(op.id, bytes));
    added += bytes;
  }
  if (added === 0) return "ok";
  return (await readStateBytes(client, runId)) + added > MAX_RUN_STATE_BYTES ? "state-overflow" : "ok";
}
