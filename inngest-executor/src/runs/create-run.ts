import type { Queryable } from "../postgres/transaction.js";
import { evaluateKey } from "../common/cel.js";
import { parseDuration, resolveUntil } from "../common/duration.js";
import { createUlid } from "../common/ulid.js";
import { toConcurrencyOptions, type FunctionConfig } from "../sync/function-config.js";
import { enqueueDiscover } from "./queue.js";
import type { InngestEvent } from "./types.js";

export type CreateRunOptions = {
  parentRunId?: string;
  parentStepId?: string;
  /** A batch's events (batchEvents); `event` is then the first of them. */
  events?: InngestEvent[];
};

/** Starts a run of a function for an event: the run row, its first discovery (throttled) and its cancel listeners. */
export async function createRun(
  client: Queryable,
  config: FunctionConfig,
  event: InngestEvent,
  options: CreateRunOptions = {},
): Promise<string | undefined> {
  const runId = createUlid();
  const context = { event };
  const concurrency = toConcurrencyOptions(config.concurrency).map((option) => {
    const value = option.key ? evaluateKey(option.key, context) : "";
    const scope = option.scope ?? "fn";
    return { key: scope === "fn" ? `fn:${config.id}:${value}` : `${scope}:${option.key ?? ""}:${value}`, limit: option.limit };
  });
  const { rowCount } = await client.query(
    `INSERT INTO inngest_executor.runs (id, function_id, status, event, parent_run_id, parent_step_id, concurrency_keys, concurrency_limits, events)
     VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [
      runId,
      config.id,
      JSON.stringify(event),
      options.parentRunId ?? null,
      options.parentStepId ?? null,
      concurrency.map((entry) => entry.key),
      concurrency.map((entry) => entry.limit),
      options.events ? JSON.stringify(options.events) : null,
    ],
  );
  // An invoke replayed after a crash hits the (parent_run_id, parent_step_id) unique index: one child only.
  if (rowCount !== 1) return undefined;

  const startAt = config.throttle ? await reserveThrottleSlot(client, config, evaluateKey(config.throttle.key ?? "''", context)) : undefined;
  await enqueueDiscover(client, runId, startAt);
  for (const [index, cancel] of (config.cancel ?? []).entries()) {
    await client.query(
      `INSERT INTO inngest_executor.pauses (run_id, kind, step_id, event_name, expression, expires_at)
       VALUES ($1, 'cancel', $2, $3, $4, $5)`,
      [runId, String(index), cancel.event, cancel.if ?? null, cancel.timeout ? resolveUntil(cancel.timeout) : null],
    );
  }
  return runId;
}

/**
 * GCRA: runs start evenly spaced, `period / limit` apart, with `burst` allowed at once. A run over the
 * limit is delayed to its slot, never dropped (dropping is rateLimit, which is not supported).
 */
async function reserveThrottleSlot(client: Queryable, config: FunctionConfig, keyValue: string): Promise<Date> {
  const throttle = config.throttle!;
  const key = `${config.id}:${keyValue}`;
  const interval = (parseDuration(throttle.period) ?? 1000) / throttle.limit;
  const burst = throttle.burst ?? 1;
  await client.query(
    "INSERT INTO inngest_executor.throttles (key, tat) VALUES ($1, now()) ON CONFLICT DO NOTHING",
    [key],
  );
  const { rows } = await client.query<{ tat: string; now: string }>(
    `SELECT (extract(epoch FROM tat) * 1000)::float8 AS tat, (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now
     FROM inngest_executor.throttles WHERE key = $1 FOR UPDATE`,
    [key],
  );
  const tat = Number(rows[0]?.tat);
  const now = Number(rows[0]?.now);
  const start = Math.max(now, tat - interval * (burst - 1));
  const nextTat = Math.max(tat, now) + interval;
  await client.query("UPDATE inngest_executor.throttles SET tat = to_timestamp($2 / 1000.0) WHERE key = $1", [key, nextTat]);
  return new Date(start);
}
