import type { Queryable } from "../postgres/transaction.js";
import { parseDuration } from "../common/duration.js";
import { createUlid } from "../common/ulid.js";
import type { FunctionConfig } from "../sync/function-config.js";
import { createRun } from "./create-run.js";
import type { InngestEvent } from "./types.js";

/**
 * batchEvents, as Inngest Cloud does it: a function's events gather in one open batch per key; the batch becomes one
 * run, with every event in `events` (and the first as `event`), once it holds `maxSize` events or `timeout` after
 * its first. Adds each key's events (in order) with one statement for all keys, and returns the runs of the batches
 * they filled.
 */
export async function addToBatches(client: Queryable, config: FunctionConfig, eventsByKey: Map<string, InngestEvent[]>): Promise<string[]> {
  const batching = config.batchEvents!;
  // Sorted, so two intakes sharing keys lock their batch rows in the same order; `xmax = 0` tells an insert.
  const entries = [...eventsByKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // One statement: each key's batch grows by its events (stored after the ones it holds), and a batch this opens
  // without filling it gets its timeout timer.
  const { rows } = await client.query<{ batch_key: string; id: string; size: number }>(
    `WITH input AS (
       SELECT b->>'key' AS batch_key, b->>'id' AS id, b->'events' AS events FROM jsonb_array_elements($2::jsonb) AS b),
     added AS (
       INSERT INTO inngest_executor.batches (function_id, batch_key, id, size)
       SELECT $1, batch_key, id, jsonb_array_length(events) FROM input
       ON CONFLICT (function_id, batch_key) DO UPDATE SET size = inngest_executor.batches.size + excluded.size
       RETURNING batch_key, id, size, (xmax = 0) AS opened),
     stored AS (
       INSERT INTO inngest_executor.batch_events (batch_id, position, event)
       SELECT a.id, a.size - jsonb_array_length(i.events) + e.n, e.value
       FROM added a JOIN input i ON i.batch_key = a.batch_key
       CROSS JOIN LATERAL jsonb_array_elements(i.events) WITH ORDINALITY AS e(value, n)),
     timers AS (
       INSERT INTO inngest_executor.queue (run_id, function_id, kind, step_id, available_at)
       SELECT id, $1, 'batch-timeout', $1, $3 FROM added WHERE opened AND size < $4
       ON CONFLICT (run_id, kind, step_id) DO NOTHING)
     SELECT batch_key, id, size FROM added`,
    [
      config.id,
      JSON.stringify(entries.map(([key, events]) => ({ key, id: createUlid(), events }))),
      new Date(Date.now() + (parseDuration(batching.timeout) ?? 0)),
      batching.maxSize,
    ],
  );
  const runIds: string[] = [];
  for (const row of rows.filter((each) => each.size >= batching.maxSize)) {
    const gathered = await takeBatch(client, row.id);
    let start = 0;
    for (; gathered.length - start >= batching.maxSize; start += batching.maxSize) {
      const runId = await createRun(client, config, gathered[start]!, { events: gathered.slice(start, start + batching.maxSize) });
      if (runId) runIds.push(runId);
    }
    // What is left over opens the key's next batch.
    if (start < gathered.length) runIds.push(...(await addToBatches(client, config, new Map([[row.batch_key, gathered.slice(start)]]))));
  }
  return runIds;
}

/** Turns an open batch into its run at its timeout; nothing when it was already taken (it filled up meanwhile). */
export async function closeBatch(client: Queryable, config: FunctionConfig | undefined, batchId: string): Promise<string | undefined> {
  const events = await takeBatch(client, batchId);
  // A function removed from the app meanwhile has nothing to run its batch.
  if (!config || events.length === 0) return undefined;
  return createRun(client, config, events[0]!, { events });
}

/**
 * Removes an open batch with its events and timer; its events in arrival order, none when it was already taken.
 * Two statements on purpose: the first waits for an intake adding to this batch to commit, and only a statement
 * begun after that sees the events the intake added (one statement would leave them behind, never to run).
 */
export async function takeBatch(client: Queryable, batchId: string): Promise<InngestEvent[]> {
  const taken = await client.query(
    `WITH timer AS (DELETE FROM inngest_executor.queue WHERE run_id = $1 AND kind = 'batch-timeout')
     DELETE FROM inngest_executor.batches WHERE id = $1`,
    [batchId],
  );
  if (taken.rowCount === 0) return [];
  const { rows } = await client.query<{ events: InngestEvent[] }>(
    `WITH gathered AS (DELETE FROM inngest_executor.batch_events WHERE batch_id = $1 RETURNING position, event)
     SELECT coalesce(jsonb_agg(event ORDER BY position), '[]') AS events FROM gathered`,
    [batchId],
  );
  return rows[0]?.events ?? [];
}
