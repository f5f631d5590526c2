// npm run bench:webhook [-- --deliveries N --organizations O --concurrency C --receiver-only-deliveries R --transcript-calls T]
// Signed Gong deliveries through the real product path (built Next app, route, inngest.send, executor, single-call
// sync from the simulator), counted at every stage; then webhook-to-transcript latency; last line is JSON.
import "../scripts/allow-server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";

const { values } = parseArgs({
  options: {
    deliveries: { type: "string", default: "3000" },
    organizations: { type: "string", default: "30" },
    concurrency: { type: "string", default: "16" },
    "receiver-only-deliveries": { type: "string", default: "2000" },
    "transcript-calls": { type: "string", default: "20" },
    "drain-timeout-seconds": { type: "string", default: "150" },
  },
});
const count = (text: string | undefined, min = 1) => z.coerce.number().int().min(min).parse(text);
const total = count(values.deliveries);
const organizations = Math.min(total, count(values.organizations));
const concurrency = count(values.concurrency);
const receiverOnlyTotal = count(values["receiver-only-deliveries"], 0);
const transcriptCalls = count(values["transcript-calls"], 0);
const drainTimeoutMs = count(values["drain-timeout-seconds"]) * 1000;
const database = process.env.DATABASE_URL ? "postgres" : "pglite";

// App modules import `server-only`; the hook above must be registered before they load.
const { measureReceiverOnly } = await import("./webhook-receiver-only");
const { startBenchStack } = await import("./webhook-stack");
const { prepareDeliveries } = await import("./webhook-deliveries");
const { fireDeliveries, waitForDrain, waitForExecutorIdle } = await import("./webhook-pipeline");
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
  process.exit(0);
}
let figures: Record<string, unknown>;
try {
  const prepared = await prepareDeliveries(bench, total, organizations);
  console.log(`signed ${total} deliveries (avg ${prepared.averageBodyBytes} B) for ${organizations} organizations in ${prepared.signingMs} ms (${database})`);
  // Loads the route module and a database connection, so the first measured deliveries do not pay for that.
  for (let index = 0; index < 20; index++) {
    await fetch(`${bench.stack.appUrl}/api/webhooks/gong/${randomUUID()}`, { method: "POST", body: "{}" }).then((response) => response.arrayBuffer());
  }

  const startedAt = performance.now();
  const load = await fireDeliveries(bench.stack.appUrl, prepared.deliveries, concurrency);
  console.log(`real route (next start → POST /api/webhooks/gong/<connection> → inngest.send → executor), ${concurrency} concurrent:`);
  console.log(`  ${load.deliveriesPerSecond} verified deliveries/s; latency p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, max ${load.maxMs} ms`);
  console.log(`  accepted ${load.accepted}/${total}, non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}`);
  const drain = await waitForDrain(bench.pool, prepared.connectionIds, total, startedAt, drainTimeoutMs);
  const lost = total - Math.min(load.accepted, drain.eventsEnqueued, drain.callsStored);
  const callsPerSecond = Math.round((drain.callsStored / drain.drainMs) * 1000 * 10) / 10;
  console.log(
    `pipeline ${drain.drained ? "drained" : "NOT drained"} after ${drain.drainMs} ms (${callsPerSecond} calls stored/s): accepted ${load.accepted} = ` +
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
    organizations,
    concurrency,
    database,
    deliveriesPerSecond: load.deliveriesPerSecond,
    p50Ms: load.p50Ms,
    p99Ms: load.p99Ms,
    maxMs: load.maxMs,
    accepted: load.accepted,
    eventsEnqueued: drain.eventsEnqueued,
    callsStored: drain.callsStored,
    lost,
    non2xx: load.non2xx,
    errors: load.errors,
    drained: drain.drained,
    drainMs: drain.drainMs,
    callsStoredPerSecond: callsPerSecond,
    failedSyncRuns: drain.failedSyncRuns,
    averageBodyBytes: prepared.averageBodyBytes,
    webhookToTranscriptP50Ms: transcript?.webhookToTranscriptP50Ms ?? null,
    webhookToTranscriptP90Ms: transcript?.webhookToTranscriptP90Ms ?? null,
    webhookToTranscriptStored: transcript ? `${transcript.stored}/${transcript.calls}` : null,
    ...receiverOnlyFigures(),
  };
} finally {
  await bench.stop();
}
console.log(JSON.stringify(figures));

function receiverOnlyFigures() {
  return {
    receiverOnlyDeliveriesPerSecond: receiverOnly?.deliveriesPerSecond ?? null,
    receiverOnlyP50Ms: receiverOnly?.p50Ms ?? null,
    receiverOnlyP99Ms: receiverOnly?.p99Ms ?? null,
  };
}
