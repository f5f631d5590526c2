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
  const { rows } = await client.query<{ batch_key: string; id: string; size: number; opened: boolean }>(
    `INSERT INTO inngest_executor.batches (function_id, batch_key, id, events)
     SELECT $1, b->>'key', b->>'id', b->'events' FROM jsonb_array_elements($2::jsonb) AS b
     ON CONFLICT (function_id, batch_key) DO UPDATE SET events = inngest_executor.batches.events || excluded.events
     RETURNING batch_key, id, jsonb_array_length(events) AS size, (xmax = 0) AS opened`,
    [config.id, JSON.stringify(entries.map(([key, events]) => ({ key, id: createUlid(), events })))],
  );
  const opened = rows.filter((row) => row.opened && row.size < batching.maxSize).map((row) => row.id);
  if (opened.length > 0) {
    const timeoutMs = parseDuration(batching.timeout) ?? 0;
    await client.query(
      `INSERT INTO inngest_executor.queue (run_id, kind, step_id, available_at)
       SELECT id, 'batch-timeout', $2, $3 FROM unnest($1::text[]) AS id ON CONFLICT (run_id, kind, step_id) DO NOTHING`,
      [opened, config.id, new Date(Date.now() + timeoutMs)],
    );
  }
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

async function takeBatch(client: Queryable, batchId: string): Promise<InngestEvent[]> {
  const { rows } = await client.query<{ events: InngestEvent[] }>("DELETE FROM inngest_executor.batches WHERE id = $1 RETURNING events", [
    batchId,
  ]);
  await client.query("DELETE FROM inngest_executor.queue WHERE run_id = $1 AND kind = 'batch-timeout'", [batchId]);
  return rows[0]?.events ?? [];
}
