import type pg from "pg";
import { withTransaction } from "../postgres/transaction.js";
import { closeBatch } from "../runs/batches.js";
import { enqueueDiscover, finishItem, saveStepResult } from "../runs/queue.js";
import type { RunError } from "../runs/types.js";
import type { QueueItem } from "./claim.js";
import { executeRequest } from "./execute-request.js";
import { isActiveStatus } from "./lock-lease.js";
import { loadFunction } from "./run-state.js";

export type WorkerContext = {
  pool: pg.Pool;
  owner: string;
  signingKey?: string;
  leaseMs: number;
  backoffScale: number;
  requestTimeoutMs: number;
  onUnreachable: (url: string) => void;
};

const INVOKE_TIMEOUT: RunError = { name: "InngestInvokeTimeoutError", message: "Timed out waiting for invoked function to complete" };

/** Executes one leased queue item: a timer inside one transaction, or a request to the app and its outcome. */
export async function processItem(context: WorkerContext, item: QueueItem): Promise<void> {
  if (item.kind === "discover" || item.kind === "step") return executeRequest(context, item);
  if (item.kind === "batch-timeout") {
    const config = (await loadFunction(context.pool, item.step_id))?.config;
    // closeBatch also deletes this item, so finishing it afterwards changes nothing.
    await withTransaction(context.pool, (client) => closeBatch(client, config, item.run_id));
    return;
  }
  await withTransaction(context.pool, async (client) => {
    const { rows } = await client.query<{ status: string }>(
      "SELECT status FROM inngest_executor.runs WHERE id = $1 FOR UPDATE",
      [item.run_id],
    );
    if (isActiveStatus(rows[0]?.status)) {
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
