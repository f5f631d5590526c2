// npm run bench:outbound [-- --calls N --organizations O --concurrency C --fail-share 0.2 --timeout-share 0.02]
// N new calls by Gong webhook into O organizations, each with two outbound endpoints subscribed to call.synced: one
// always answering, one answering 500 to a share of requests and timing out on another. Counts what every endpoint
// received (each webhook-id once) against what it should, the duplicates receivers saw, and the lag from the
// event to its first attempt's arrival; last line is JSON.
import "../scripts/allow-server-only";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startDatabaseServerForRun } from "../test-support/database-server";
import { quantile } from "./quantile";

const { values } = parseArgs({
  options: {
    calls: { type: "string", default: "3000" },
    organizations: { type: "string", default: "30" },
    concurrency: { type: "string", default: "16" },
    "fail-share": { type: "string", default: "0.2" },
    "timeout-share": { type: "string", default: "0.02" },
    "drain-timeout-seconds": { type: "string", default: "600" },
  },
});
const count = (text: string | undefined, min = 1) => z.coerce.number().int().min(min).parse(text);
const share = (text: string | undefined) => z.coerce.number().min(0).max(0.9).parse(text);
const total = count(values.calls);
const organizations = Math.min(total, count(values.organizations));
const concurrency = count(values.concurrency);
const failShare = share(values["fail-share"]);
const timeoutShare = share(values["timeout-share"]);
const drainTimeoutMs = count(values["drain-timeout-seconds"]) * 1000;
// Retries come seconds apart rather than minutes (the schedule's shape, shortened), so the bench ends.
const TIMEOUT_MS = 2_000;
const extraEnv = { OUTBOUND_ALLOW_PRIVATE_TARGETS: "1", OUTBOUND_RETRY_SCHEDULE_SECONDS: "1,2,4,8,15,30,30", OUTBOUND_TIMEOUT_MS: String(TIMEOUT_MS) };

const databaseServer = await startDatabaseServerForRun({ throwaway: false });
const { startBenchStack } = await import("./webhook-stack");
const { prepareDeliveries } = await import("./webhook-deliveries");
const { fireDeliveries } = await import("./webhook-pipeline");
const { startOutboundReceiver } = await import("./outbound-receiver");
const { encryptSecret } = await import("../lib/crypto/encryption");

const bench = await startBenchStack(path.resolve(import.meta.dirname, ".."), { extraEnv });
if ("skipped" in bench) {
  console.log(`not measured (${bench.skipped})`);
  console.log(JSON.stringify({ calls: total, delivered: null, expected: null, skipped: bench.skipped }));
  await databaseServer.stop();
  process.exit(0);
}
const receiver = await startOutboundReceiver({ failShare, timeoutShare, holdMs: TIMEOUT_MS + 500 });
let figures: Record<string, unknown> = {};
try {
  const prepared = await prepareDeliveries(bench, total, organizations);
  const secret = await encryptSecret(`whsec_${Buffer.alloc(32, 7).toString("base64")}`, bench.encryptionKey);
  for (const connectionId of prepared.connectionIds) {
    const { rows } = await bench.pool.query<{ organization_id: string }>("select organization_id from gong_connections where id = $1", [connectionId]);
    const organizationId = rows[0]!.organization_id;
    for (const kind of ["ok", "flaky"]) {
      await bench.pool.query("insert into webhook_endpoints (organization_id, url, event_types, secret_encrypted) values ($1, $2, $3, $4)", [
        organizationId,
        `${receiver.url}/${kind}/${organizationId}`,
        ["call.synced"],
        secret,
      ]);
    }
  }
  const expected = total * 2;
  console.log(`${organizations} organizations, 2 endpoints each (one failing ${failShare * 100} % and timing out ${timeoutShare * 100} %); ${total} calls → ${expected} deliveries expected`);
  const startedAt = performance.now();
  const load = await fireDeliveries(bench.stack.appUrl, prepared.deliveries, concurrency);
  console.log(`Gong webhooks accepted ${load.accepted}/${total} at ${load.deliveriesPerSecond}/s`);
  while (receiver.figures.delivered < expected && performance.now() - startedAt < drainTimeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const elapsedMs = performance.now() - startedAt;
  const { rows } = await bench.pool.query<{ status: string; count: string }>("select status, count(*) from outbound_deliveries group by status");
  const byStatus = Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
  const { delivered, duplicatesSeenByReceiver } = receiver.figures;
  const lagsMs = [...receiver.figures.lagsMs].sort((a, b) => a - b);
  const lag = (q: number) => (lagsMs.length ? Math.round(quantile(lagsMs, q)!) : null);
  // Where the lag goes, for each call's event: its batch filling (event to run), the run's turn in the queue (run to
  // first step), and the run itself (first attempts included).
  const { rows: runs } = await bench.pool.query<{ runId: string; batchMs: number; queueMs: number; runMs: number }>(
    `select r.id as "runId", extract(epoch from r.created_at - to_timestamp((e->>'ts')::bigint / 1000.0)) * 1000 as "batchMs",
            extract(epoch from r.started_at - r.created_at) * 1000 as "queueMs",
            extract(epoch from r.ended_at - r.started_at) * 1000 as "runMs"
     from inngest_executor.runs r cross join lateral jsonb_array_elements(coalesce(r.events, jsonb_build_array(r.event))) e
     where r.function_id like '%fan-out-outbound-event' and r.started_at is not null and r.ended_at is not null
       and e->>'name' = 'gong/call.synced'`,
  );
  const { rows: recorded } = await bench.pool.query<{ recordMs: number; attemptMs: number }>(
    `select extract(epoch from created_at - (payload->>'timestamp')::timestamptz) * 1000 as "recordMs",
            extract(epoch from first_attempt_at - created_at) * 1000 as "attemptMs"
     from outbound_deliveries where first_attempt_at is not null`,
  );
  const p50Of = <K extends string>(rowsOf: Record<K, number>[], key: K) => {
    const sorted = rowsOf.map((row) => Number(row[key])).sort((a, b) => a - b);
    return sorted.length ? Math.round(quantile(sorted, 0.5)!) : null;
  };
  console.log(`receivers got ${delivered}/${expected} (duplicates ${duplicatesSeenByReceiver}) in ${Math.round(elapsedMs)} ms; deliveries by status ${JSON.stringify(byStatus)}`);
  figures = {
    database: databaseServer.database,
    calls: total,
    organizations,
    expected,
    delivered,
    lost: expected - delivered,
    duplicatesSeenByReceiver,
    lagP50Ms: lag(0.5),
    lagP99Ms: lag(0.99),
    fanOutRuns: new Set(runs.map((run) => run.runId)).size,
    fanOutBatchP50Ms: p50Of(runs, "batchMs"),
    fanOutQueueP50Ms: p50Of(runs, "queueMs"),
    fanOutRunP50Ms: p50Of(runs, "runMs"),
    eventToRecordedP50Ms: p50Of(recorded, "recordMs"),
    recordedToFirstAttemptP50Ms: p50Of(recorded, "attemptMs"),
    deliveriesPerSecond: Math.round((delivered / elapsedMs) * 1000 * 10) / 10,
    receiverRequests: receiver.figures.requests,
    answered500: receiver.figures.answered500,
    heldPastTimeout: receiver.figures.heldPastTimeout,
    failedDeliveries: byStatus.failed ?? 0,
    webhooksAccepted: load.accepted,
    drainMs: Math.round(elapsedMs),
  };
} finally {
  await receiver.close();
  await bench.stop();
  await databaseServer.stop();
}
console.log(JSON.stringify(figures));
