// npm run bench:webhook [-- --deliveries N --organizations O --concurrency C | --rate R --warmup-deliveries W --receiver-only-deliveries R --transcript-calls T]
// Closed loop by default (C deliveries in flight, autocannon); --rate R offers R deliveries a second (open loop).
// Signed Gong deliveries through the real product path (built Next app, app server, inngest.send, executor, batched
// sync from the simulator), counted at every stage; then webhook-to-transcript latency; last line is JSON.
import "../scripts/allow-server-only";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startDatabaseServerForRun } from "../test-support/database-server";

const { values } = parseArgs({
  options: {
    deliveries: { type: "string", default: "3000" },
    organizations: { type: "string", default: "30" },
    concurrency: { type: "string", default: "16" },
    "warmup-deliveries": { type: "string", default: "500" },
    rate: { type: "string", default: "0" },
    "receiver-only-deliveries": { type: "string", default: "2000" },
    "transcript-calls": { type: "string", default: "20" },
    "drain-timeout-seconds": { type: "string", default: "150" },
  },
});
const count = (text: string | undefined, min = 1) => z.coerce.number().int().min(min).parse(text);
const total = count(values.deliveries);
const organizations = Math.min(total, count(values.organizations));
const concurrency = count(values.concurrency);
const warmupTotal = count(values["warmup-deliveries"], 0);
const rate = count(values.rate, 0);
const receiverOnlyTotal = count(values["receiver-only-deliveries"], 0);
const transcriptCalls = count(values["transcript-calls"], 0);
const drainTimeoutMs = count(values["drain-timeout-seconds"]) * 1000;
// Without DATABASE_URL, an embedded PostgreSQL set up as `npm run demo` runs it.
const databaseServer = await startDatabaseServerForRun({ throwaway: false });
const database = databaseServer.database;

// App modules import `server-only`; the hook above must be registered before they load.
const { measureReceiverOnly } = await import("./webhook-receiver-only");
const { startBenchStack } = await import("./webhook-stack");
const { prepareDeliveries } = await import("./webhook-deliveries");
const { fireDeliveries, fireDeliveriesAtRate, waitForDrain, waitForExecutorIdle } = await import("./webhook-pipeline");
const { measureWebhookToTranscript } = await import("./webhook-full-stack");

const receiverOnly = receiverOnlyTotal > 0 ? await measureReceiverOnly(receiverOnlyTotal, concurrency) : null;
if (receiverOnly) {
  console.log(
    `receiver only (domain function on a bare server, events into an array; no Next, no executor, nothing synced): ` +
      `${receiverOnly.deliveriesPerSecond}/s, p50 ${receiverOnly.p50Ms} ms, p99 ${receiverOnly.p99Ms} ms, ${receiverOnly.accepted}/${receiverOnlyTotal} accepted`,
  );
}

const bench = await startBenchStack(path.resolve(import.meta.dirname, ".."));
if ("skipped" in bench) {
  console.log(`full stack: not measured (${bench.skipped})`);
  console.log(JSON.stringify({ deliveries: total, deliveriesPerSecond: null, skipped: bench.skipped, database, ...receiverOnlyFigures() }));
  await databaseServer.stop();
  process.exit(0);
}
let figures: Record<string, unknown>;
try {
  const prepared = await prepareDeliveries(bench, warmupTotal + total, organizations);
  console.log(`signed ${warmupTotal + total} deliveries (avg ${prepared.averageBodyBytes} B) for ${organizations} organizations in ${prepared.signingMs} ms (${database})`);
  const fire = (deliveries: typeof prepared.deliveries) =>
    rate > 0 ? fireDeliveriesAtRate(bench.stack.appUrl, deliveries, rate) : fireDeliveries(bench.stack.appUrl, deliveries, concurrency);
  // A server that has been up a while: the code paths compiled (the load generator's too, hence the same kind of
  // load), pools and batches open. Then, so that their syncs do not run beside the measured burst, the executor is
  // let finish.
  const warmup = warmupTotal > 0 ? await fire(prepared.deliveries.slice(0, warmupTotal)) : null;
  if (warmup) {
    console.log(`warm-up (not counted): ${warmupTotal} deliveries at ${warmup.deliveriesPerSecond}/s, p99 ${warmup.p99Ms} ms; executor idle ${await waitForExecutorIdle(bench.pool, 120_000)} ms later`);
  }

  const startedAt = performance.now();
  const measured = prepared.deliveries.slice(warmupTotal);
  const load = await fire(measured);
  console.log(
    `real route (app server → POST /api/webhooks/gong/<connection> → inngest.send → executor), ` +
      (rate > 0 ? `offered ${rate}/s (open loop):` : `${concurrency} concurrent:`),
  );
  console.log(`  ${load.deliveriesPerSecond} verified deliveries/s; latency p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, max ${load.maxMs} ms`);
  console.log(`  accepted ${load.accepted}/${total}, non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}`);
  // Warm-up and measured deliveries alike must all end up stored.
  const expected = warmupTotal + total;
  const accepted = (warmup?.accepted ?? 0) + load.accepted;
  const drain = await waitForDrain(bench.pool, prepared.connectionIds, expected, startedAt, drainTimeoutMs);
  const lost = expected - Math.min(accepted, drain.eventsEnqueued, drain.callsStored);
  const callsPerSecond = Math.round(((drain.callsStored - warmupTotal) / drain.drainMs) * 1000 * 10) / 10;
  console.log(
    `pipeline ${drain.drained ? "drained" : "NOT drained"} after ${drain.drainMs} ms (${callsPerSecond} calls stored/s, ${drain.syncRuns} sync runs), ` +
      `warm-up and measured together: accepted ${accepted} = ` +
      `events enqueued ${drain.eventsEnqueued} = calls stored with transcript ${drain.callsStored} → lost ${lost}` +
      (!drain.drained || drain.failedSyncRuns ? ` (sync runs failed ${drain.failedSyncRuns}, still active ${drain.syncRunsActive})` : ""),
  );

  let transcript = null;
  if (transcriptCalls > 0) {
    // The stored calls' insights runs are still going; the latency is measured on an otherwise idle stack.
    console.log(`executor idle ${await waitForExecutorIdle(bench.pool, 120_000)} ms later`);
    transcript = await measureWebhookToTranscript(bench, transcriptCalls);
    console.log(
      `webhook to transcript stored, one call at a time: p50 ${transcript.webhookToTranscriptP50Ms} ms, ` +
        `p90 ${transcript.webhookToTranscriptP90Ms} ms (${transcript.stored}/${transcript.calls} stored)`,
    );
  }
  figures = {
    deliveries: total,
    warmupDeliveries: warmupTotal,
    organizations,
    offeredPerSecond: rate || null,
    concurrency: rate > 0 ? null : concurrency,
    database,
    deliveriesPerSecond: load.deliveriesPerSecond,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    maxMs: load.maxMs,
    accepted,
    eventsEnqueued: drain.eventsEnqueued,
    callsStored: drain.callsStored,
    lost,
    non2xx: load.non2xx,
    errors: load.errors,
    drained: drain.drained,
    drainMs: drain.drainMs,
    callsStoredPerSecond: callsPerSecond,
    failedSyncRuns: drain.failedSyncRuns,
    syncRuns: drain.syncRuns,
    averageBodyBytes: prepared.averageBodyBytes,
    webhookToTranscriptP50Ms: transcript?.webhookToTranscriptP50Ms ?? null,
    webhookToTranscriptP90Ms: transcript?.webhookToTranscriptP90Ms ?? null,
    webhookToTranscriptStored: transcript ? `${transcript.stored}/${transcript.calls}` : null,
    ...receiverOnlyFigures(),
  };
} finally {
  await bench.stop();
  await databaseServer.stop();
}
console.log(JSON.stringify(figures));

function receiverOnlyFigures() {
  return {
    receiverOnlyDeliveriesPerSecond: receiverOnly?.deliveriesPerSecond ?? null,
    receiverOnlyP50Ms: receiverOnly?.p50Ms ?? null,
    receiverOnlyP99Ms: receiverOnly?.p99Ms ?? null,
  };
}
