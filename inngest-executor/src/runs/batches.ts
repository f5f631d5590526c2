import type { Queryable } from "../postgres/transaction.js";
import { parseDuration } from "../common/duration.js";
import { createUlid } from "../common/ulid.js";
import type { FunctionConfig } from "../sync/function-config.js";
import { createRun } from "./create-run.js";
import { enqueueTimer } from "./queue.js";
import type { InngestEvent } from "./types.js";

/**
 * batchEvents, as Inngest Cloud does it: a function's events gather in one open batch per key; the batch becomes one
 * run, with every event in `events` (and the first as `event`), once it holds `maxSize` events or `timeout` after
 * its first. Adds events of one key (in order) and returns the runs of the batches they filled.
 */
export async function addToBatch(client: Queryable, config: FunctionConfig, key: string, events: InngestEvent[]): Promise<string[]> {
  const batching = config.batchEvents!;
  // The row lock taken here serialises concurrent intakes of one key; `xmax = 0` tells an insert from an append.
  const { rows } = await client.query<{ id: string; size: number; opened: boolean }>(
    `INSERT INTO inngest_executor.batches (function_id, batch_key, id, events) VALUES ($1, $2, $3, $4::jsonb)
     ON CONFLICT (function_id, batch_key) DO UPDATE SET events = inngest_executor.batches.events || excluded.events
     RETURNING id, jsonb_array_length(events) AS size, (xmax = 0) AS opened`,
    [config.id, key, createUlid(), JSON.stringify(events)],
  );
  const batch = rows[0]!;
  if (batch.size < batching.maxSize) {
    if (batch.opened) await enqueueBatchTimeout(client, config, batch.id);
    return [];
  }
  const gathered = await takeBatch(client, batch.id);
  const runIds: string[] = [];
  let start = 0;
  for (; gathered.length - start >= batching.maxSize; start += batching.maxSize) {
    const runId = await createRun(client, config, gathered[start]!, { events: gathered.slice(start, start + batching.maxSize) });
    if (runId) runIds.push(runId);
  }
  // What is left over opens the next batch.
  if (start < gathered.length) runIds.push(...(await addToBatch(client, config, key, gathered.slice(start))));
  return runIds;
}

/** Turns an open batch into its run at its timeout; nothing when it was already taken (it filled up meanwhile). */
export async function closeBatch(client: Queryable, config: FunctionConfig | undefined, batchId: string): Promise<string | undefined> {
  const events = await takeBatch(client, batchId);
  // A function removed from the app meanwhile has nothing to run its batch.
  if (!config || events.length === 0) return undefined;
  return createRun(client, config, events[0]!, { events });
}

async function takeBatch(client: Queryable, batchId: string): Promise<InngestEvent[]> {
  const { rows } = await client.query<{ events: InngestEvent[] }>("DELETE FROM inngest_executor.batches WHERE id = $1 RETURNING events", [
    batchId,
  ]);
  await client.query("DELETE FROM inngest_executor.queue WHERE run_id = $1 AND kind = 'batch-timeout'", [batchId]);
  return rows[0]?.events ?? [];
}

async function enqueueBatchTimeout(client: Queryable, config: FunctionConfig, batchId: string): Promise<void> {
  const timeoutMs = parseDuration(config.batchEvents!.timeout) ?? 0;
  await enqueueTimer(client, batchId, "batch-timeout", config.id, new Date(Date.now() + timeoutMs));
}
