import type pg from "pg";
import type { Queryable } from "../postgres/transaction.js";
import type { InngestEvent, StoredFunction } from "../runs/types.js";
import type { FunctionConfig } from "../sync/function-config.js";

export type RunState = {
  id: string;
  functionId: string;
  status: string;
  event: InngestEvent;
  /** Every event of a batch run; `[event]` otherwise. */
  events: InngestEvent[];
  disableImmediate: boolean;
  steps: { id: string; result: unknown }[];
};

/** Loads a run (marking it running on its first request) with its memoised steps in completion order. */
export async function loadRunState(pool: pg.Pool, runId: string): Promise<RunState | undefined> {
  const { rows } = await pool.query<{ function_id: string; status: string; event: InngestEvent; events: InngestEvent[] | null; disable_immediate: boolean }>(
    `UPDATE inngest_executor.runs SET status = CASE WHEN status = 'queued' THEN 'running' ELSE status END,
       started_at = coalesce(started_at, now())
     WHERE id = $1 RETURNING function_id, status, event, events, disable_immediate`,
    [runId],
  );
  const run = rows[0];
  if (!run) return undefined;
  const steps = await pool.query<{ step_id: string; result: unknown }>(
    "SELECT step_id, result FROM inngest_executor.run_steps WHERE run_id = $1 ORDER BY seq",
    [runId],
  );
  return {
    id: runId,
    functionId: run.function_id,
    status: run.status,
    event: run.event,
    events: run.events ?? [run.event],
    disableImmediate: run.disable_immediate,
    steps: steps.rows.map((row) => ({ id: row.step_id, result: row.result })),
  };
}

/** A registered function with the app URL it was synced from, or undefined when it is not (or no longer) synced. */
export async function loadFunction(pool: Queryable, functionId: string): Promise<StoredFunction | undefined> {
  const { rows } = await pool.query<{ app_url: string; config: FunctionConfig }>(
    "SELECT app_url, config FROM inngest_executor.functions WHERE id = $1",
    [functionId],
  );
  const row = rows[0];
  return row && { id: functionId, appUrl: row.app_url, config: row.config };
}

/** The request body the SDK's parseFnData expects (v2 execution, no API fetches). */
export function buildRequestBody(state: RunState, queueItemId: string, attempt: number, maxAttempts: number): unknown {
  return {
    event: state.event,
    events: state.events,
    steps: Object.fromEntries(state.steps.map((step) => [step.id, step.result])),
    version: 2,
    ctx: {
      run_id: state.id,
      fn_id: state.functionId,
      qi_id: queueItemId,
      attempt,
      max_attempts: maxAttempts,
      disable_immediate_execution: state.disableImmediate,
      use_api: false,
      stack: { stack: state.steps.map((step) => step.id), current: state.steps.length },
    },
  };
}
