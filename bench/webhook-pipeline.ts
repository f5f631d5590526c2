import { Agent, request } from "node:http";
import autocannon from "autocannon";
import type pg from "pg";
import { quantile } from "./quantile";
import type { SignedDelivery } from "./webhook-deliveries";

export type LoadFigures = {
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  accepted: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationMs: number;
};

export type PipelineCounts = { eventsEnqueued: number; callsStored: number; syncRunsActive: number };
export type DrainFigures = PipelineCounts & { drained: boolean; drainMs: number; failedSyncRuns: number; syncRuns: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts every delivery once, over `concurrency` keep-alive connections; accepted = answered 2xx. The rate is timed
 * from the first request to the last answer: autocannon's own duration only ends on its one-second sampling tick.
 */
export async function fireDeliveries(url: string, deliveries: SignedDelivery[], concurrency: number): Promise<LoadFigures> {
  let next = 0;
  let firstSentAt = 0;
  let lastAnsweredAt = 0;
  const run = autocannon({
    url,
    connections: concurrency,
    amount: deliveries.length,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          if (next === 0) firstSentAt = performance.now();
          const delivery = deliveries[next++ % deliveries.length]!;
          const headers = { "content-type": "application/json", authorization: delivery.authorization };
          return { ...request, path: delivery.path, headers, body: delivery.body };
        },
      },
    ],
  });
  run.on("response", () => (lastAnsweredAt = performance.now()));
  const result = await run;
  const durationMs = Math.max(1, lastAnsweredAt - firstSentAt);
  return {
    deliveriesPerSecond: Math.round((result["2xx"] / durationMs) * 1000),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    accepted: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationMs: Math.round(durationMs),
  };
}

/**
 * Open loop, as Gong sends: delivery i leaves at start + i / rate, whether or not earlier ones were answered (over
 * keep-alive connections, as many as are needed). Latency counts from the scheduled moment, so a server that falls
 * behind pays for the wait too; the rate achieved shows whether it kept up.
 */
export async function fireDeliveriesAtRate(url: string, deliveries: SignedDelivery[], ratePerSecond: number): Promise<LoadFigures> {
  const { hostname, port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  const outcome = { accepted: 0, non2xx: 0, errors: 0 };
  const startedAt = performance.now();
  let lastAnsweredAt = startedAt;
  const send = (delivery: SignedDelivery, scheduledAt: number) =>
    new Promise<void>((resolve) => {
      const headers = { "content-type": "application/json", authorization: delivery.authorization, "content-length": Buffer.byteLength(delivery.body) };
      const outgoing = request({ agent, hostname, port, path: delivery.path, method: "POST", headers }, (response) => {
        response.resume();
        response.on("end", () => {
          lastAnsweredAt = performance.now();
          latencies.push(lastAnsweredAt - scheduledAt);
          if (response.statusCode && response.statusCode < 300) outcome.accepted += 1;
          else outcome.non2xx += 1;
          resolve();
        });
      });
      outgoing.on("error", () => {
        outcome.errors += 1;
        resolve();
      });
      outgoing.end(delivery.body);
    });
  const pending: Promise<void>[] = [];
  const intervalMs = 1000 / ratePerSecond;
  for (let index = 0; index < deliveries.length; index++) {
    const scheduledAt = startedAt + index * intervalMs;
    const wait = scheduledAt - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(send(deliveries[index]!, scheduledAt));
  }
  await Promise.all(pending);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(quantile(sorted, q) ?? 0);
  const durationMs = Math.max(1, lastAnsweredAt - startedAt);
  return {
    deliveriesPerSecond: Math.round((outcome.accepted / durationMs) * 1000),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: Math.round(sorted.at(-1) ?? 0),
    ...outcome,
    timeouts: 0,
    durationMs: Math.round(durationMs),
  };
}

/**
 * What reached each stage for these connections: sync events the executor recorded (distinct event ids; a
 * repeated id is acknowledged without a row) and calls stored with their transcript.
 */
export async function countPipeline(pool: pg.Pool, connectionIds: string[]): Promise<PipelineCounts> {
  const events = await pool.query<{ count: string }>(
    `select count(distinct ids.event_id) as count
       from inngest_executor.events e join inngest_executor.event_ids ids on ids.internal_id = e.id
      where e.name = 'gong/webhook.call-received' and e.data->>'connectionId' = any($1)`,
    [connectionIds],
  );
  const calls = await pool.query<{ count: string }>(
    "select count(distinct gong_id) as count from calls where connection_id = any($1) and transcript_segment_count > 0",
    [connectionIds],
  );
  const runs = await pool.query<{ count: string }>(
    `select count(*) as count from inngest_executor.runs
      where function_id like '%sync-webhook-calls' and status in ('queued', 'running') and event->'data'->>'connectionId' = any($1)`,
    [connectionIds],
  );
  return { eventsEnqueued: Number(events.rows[0]?.count), callsStored: Number(calls.rows[0]?.count), syncRunsActive: Number(runs.rows[0]?.count) };
}

/**
 * Polls until every expected call is stored, or no single-call sync is left to run (whatever is missing then is
 * lost), or the deadline passes. The clock starts at `startedAt`, the first delivery.
 */
export async function waitForDrain(pool: pg.Pool, connectionIds: string[], expected: number, startedAt: number, deadlineMs: number): Promise<DrainFigures> {
  let counts = await countPipeline(pool, connectionIds);
  let idleSince: number | null = null;
  while (counts.callsStored < expected && performance.now() - startedAt < deadlineMs) {
    // Runs are created in the same transaction as their event, so no active run means nothing more is coming.
    idleSince = counts.syncRunsActive === 0 ? (idleSince ?? performance.now()) : null;
    if (idleSince !== null && performance.now() - idleSince > 3_000) break;
    await sleep(250);
    counts = await countPipeline(pool, connectionIds);
  }
  const drainMs = Math.round(performance.now() - startedAt);
  const runs = await pool.query<{ total: string; failed: string }>(
    `select count(*) as total, count(*) filter (where status = 'failed') as failed from inngest_executor.runs
      where function_id like '%sync-webhook-calls' and event->'data'->>'connectionId' = any($1)`,
    [connectionIds],
  );
  const { total, failed } = runs.rows[0] ?? { total: "0", failed: "0" };
  return { ...counts, drained: counts.callsStored >= expected, drainMs, failedSyncRuns: Number(failed), syncRuns: Number(total) };
}

/**
 * Waits (up to `timeoutMs`) until the executor has nothing left to run: no run queued or running (such as the
 * insights that follow each stored call) and no open batch, whose events become a run only at its timeout.
 */
export async function waitForExecutorIdle(pool: pg.Pool, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const { rows } = await pool.query<{ runs: string; batches: string }>(
      `select (select count(*) from inngest_executor.runs where status in ('queued', 'running')) as runs,
              (select count(*) from inngest_executor.batches) as batches`,
    );
    if (Number(rows[0]?.runs) === 0 && Number(rows[0]?.batches) === 0) break;
    await sleep(250);
  }
  return Math.round(performance.now() - started);
}
