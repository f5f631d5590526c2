import { internalEvents } from "inngest";
import type { Queryable } from "../postgres/transaction.js";
import { ingestEvents } from "./ingest-events.js";
import { enqueueDiscover, saveStepResult } from "./queue.js";
import type { InngestEvent, RunError } from "./types.js";

type EndedRun = { function_id: string; event: InngestEvent; parent_run_id: string | null; parent_step_id: string | null };

/** Marks a run completed and hands its output to an invoking parent. */
export async function completeRun(client: Queryable, runId: string, output: unknown): Promise<void> {
  const run = await endRun(client, runId, "completed", { output: output ?? null });
  if (run) await resumeParent(client, run, { data: output ?? null });
}

/** Marks a run failed, resumes an invoking parent with the error and emits `inngest/function.failed`. */
export async function failRun(client: Queryable, runId: string, error: RunError): Promise<void> {
  const run = await endRun(client, runId, "failed", { error });
  if (!run) return;
  console.error(`[inngest-executor] run ${runId} of ${run.function_id} failed: ${error.message}`);
  await resumeParent(client, run, { error });
  await ingestEvents(client, [
    { name: internalEvents.FunctionFailed, data: { function_id: run.function_id, run_id: runId, error, event: run.event } },
  ]);
}

/** Cancels a run: nothing more is called for it; a request already in flight is ignored when it returns. */
export async function cancelRun(client: Queryable, runId: string): Promise<void> {
  const run = await endRun(client, runId, "cancelled", {});
  if (run) await resumeParent(client, run, { error: { name: "Error", message: "the invoked run was cancelled" } });
}

async function endRun(
  client: Queryable,
  runId: string,
  status: "completed" | "failed" | "cancelled",
  fields: { output?: unknown; error?: RunError },
): Promise<EndedRun | undefined> {
  const { rows } = await client.query<EndedRun>(
    `UPDATE inngest_executor.runs SET status = $2, output = $3, error = $4, ended_at = now()
     WHERE id = $1 AND status IN ('queued', 'running')
     RETURNING function_id, event, parent_run_id, parent_step_id`,
    [runId, status, fields.output === undefined ? null : JSON.stringify(fields.output), fields.error ? JSON.stringify(fields.error) : null],
  );
  await client.query("DELETE FROM inngest_executor.queue WHERE run_id = $1", [runId]);
  await client.query("DELETE FROM inngest_executor.pauses WHERE run_id = $1", [runId]);
  return rows[0];
}

async function resumeParent(client: Queryable, run: EndedRun, result: unknown): Promise<void> {
  if (!run.parent_run_id || !run.parent_step_id) return;
  if (await saveStepResult(client, run.parent_run_id, run.parent_step_id, result)) {
    await client.query(
      "DELETE FROM inngest_executor.queue WHERE run_id = $1 AND kind = 'invoke-timeout' AND step_id = $2",
      [run.parent_run_id, run.parent_step_id],
    );
    await enqueueDiscover(client, run.parent_run_id);
  }
}
