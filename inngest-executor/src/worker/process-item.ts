import type pg from "pg";
import { z } from "zod";
import { withTransaction } from "../postgres/transaction.js";
import { getBackoffMs, parseRetryAfter } from "../common/backoff.js";
import { completeRun, failRun } from "../runs/finish-run.js";
import { enqueueDiscover, finishItem, retryItem, saveStepResult } from "../runs/queue.js";
import type { RunError } from "../runs/types.js";
import { getMaxAttempts } from "../sync/function-config.js";
import { callApp, type CallResult } from "./call-app.js";
import { extendLease, type QueueItem } from "./claim.js";
import { applyOps, opSchema } from "./handle-ops.js";
import { buildRequestBody, loadFunction, loadRunState } from "./run-state.js";

export type WorkerContext = {
  pool: pg.Pool;
  owner: string;
  signingKey?: string;
  leaseMs: number;
  backoffScale: number;
  requestTimeoutMs: number;
  onUnreachable: (url: string) => void;
};

const ACTIVE = new Set(["queued", "running"]);
const INVOKE_TIMEOUT: RunError = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" };

/** Executes one leased queue item: a timer inside one transaction, or a request to the app and its outcome. */
export async function processItem(context: WorkerContext, item: QueueItem): Promise<void> {
  if (item.kind === "discover" || item.kind === "step") return executeRequest(context, item);
  await withTransaction(context.pool, async (client) => {
    const { rows } = await client.query<{ status: string }>(
      "SELECT status FROM inngest_executor.runs WHERE id = $1 FOR UPDATE",
      [item.run_id],
    );
    if (rows[0] && ACTIVE.has(rows[0].status)) {
      if (item.kind === "wait-timeout") {
        await client.query("DELETE FROM inngest_executor.pauses WHERE run_id = $1 AND kind = 'wait' AND step_id = $2", [
          item.run_id,
          item.step_id,
        ]);
      }
      const result = item.kind === "invoke-timeout" ? { error: INVOKE_TIMEOUT } : { data: null };
      if (await saveStepResult(client, item.run_id, item.step_id, result)) await enqueueDiscover(client, item.run_id);
    }
    await finishItem(client, item.id, item.lease);
  });
}

async function executeRequest(context: WorkerContext, item: QueueItem): Promise<void> {
  const { pool } = context;
  const state = await loadRunState(pool, item.run_id);
  const config = state ? await loadFunction(pool, state.functionId) : undefined;
  if (!state || !ACTIVE.has(state.status) || !config) {
    await withTransaction(pool, async (client) => {
      if (state && ACTIVE.has(state.status)) {
        await failRun(client, state.id, { name: "Error", message: `function ${state.functionId} is not registered` });
      }
      await finishItem(client, item.id, item.lease);
    });
    return;
  }
  const maxAttempts = getMaxAttempts(config);
  const url = config.steps.step!.runtime.url;
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

  await withTransaction(pool, async (client) => {
    // The UPDATE also locks the run row, so two results for one run are applied one after the other.
    const { rows } = await client.query<{ status: string }>(
      `UPDATE inngest_executor.runs SET attempts = greatest(attempts, $2) WHERE id = $1 RETURNING status`,
      [item.run_id, item.attempt + 1],
    );
    // Cancelled (or finished elsewhere) while the request was in flight: its outcome is ignored.
    if (!rows[0] || !ACTIVE.has(rows[0].status)) return finishItem(client, item.id, item.lease);
    // Our lease lapsed and another executor took the item over: that claim now owns the outcome.
    const held = await client.query("SELECT 1 FROM inngest_executor.queue WHERE id = $1 AND lease_owner = $2", [item.id, item.lease]);
    if (held.rowCount !== 1) return;
    const retryAfterMs = result.kind === "response" ? parseRetryAfter(result.retryAfter) : undefined;
    const retryDelayMs = (attempt: number) => retryAfterMs ?? getBackoffMs(attempt, context.backoffScale);

    if (result.kind === "response" && result.status === 200) {
      await completeRun(client, item.run_id, parseJson(result.body));
    } else if (result.kind === "response" && result.status === 206) {
      const ops = z.array(opSchema).parse(parseJson(result.body));
      await applyOps(
        {
          client,
          runId: item.run_id,
          attempt: item.attempt,
          maxAttempts,
          noRetry: result.noRetry,
          retryDelayMs,
          loadFunction: async (id) => (await client.query("SELECT config FROM inngest_executor.functions WHERE id = $1", [id])).rows[0]?.config,
        },
        ops,
      );
    } else {
      const error = toRunError(result);
      const next = item.attempt + 1;
      const retriable = !(result.kind === "response" && result.noRetry) && next < maxAttempts;
      if (retriable) await retryItem(client, item.id, next, new Date(Date.now() + retryDelayMs(next)));
      else await failRun(client, item.run_id, error);
    }
    await finishItem(client, item.id, item.lease);
  });
}

function parseJson(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toRunError(result: CallResult): RunError {
  if (result.kind === "unreachable") return { name: "Error", message: `app unreachable: ${result.message}` };
  const body = parseJson(result.body);
  if (body && typeof body === "object" && "message" in body) {
    const record = body as Record<string, unknown>;
    return { ...record, name: String(record.name ?? "Error"), message: String(record.message), status: result.status };
  }
  return { name: "Error", message: `HTTP ${result.status}: ${result.body.slice(0, 500)}`, status: result.status };
}
