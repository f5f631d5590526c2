import { parseArgs } from "node:util";
import "./allow-server-only";
import { startSyncStack } from "../test-support/sync-stack";

/**
 * Backfills N simulator calls at Gong's real limits (3 requests/second, 10,000/day) through the real executor
 * and functions, and compares the wall time with the floor those limits set for the requests it needed.
 */
const { values } = parseArgs({ options: { calls: { type: "string", default: "5000" } } });
const calls = Number(values.calls);

let peakRssMb = 0;
const sampler = setInterval(() => {
  peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
}, 200);

const database = process.env.DATABASE_URL ? "postgres" : "pglite";
const stack = await startSyncStack({ simulator: { calls, rateLimit: 3, dailyLimit: 10_000 } });
try {
  const connectionId = await stack.connect();
  const { createSyncRun } = await import("../db/queries/sync-runs");
  const { inngest } = await import("../inngest/client");
  const { gongCallsSyncRequested } = await import("../inngest/events");
  const { getTodaysApiUsage } = await import("../db/queries/api-usage");

  const runId = await createSyncRun(stack.db, { organizationId: stack.organizationId, connectionId, kind: "backfill" });
  const started = performance.now();
  await inngest.send(gongCallsSyncRequested.create({ connectionId, runId }));
  const run = await stack.waitForRun(runId, 60 * 60_000);
  const wallSeconds = (performance.now() - started) / 1000;

  const usage = await getTodaysApiUsage(stack.db, connectionId);
  const stats = (await stack.simulatorControl("stats")) as { http429: number };
  const gongRequests = usage.requests;
  const floorSeconds = gongRequests / 3;
  const result = {
    calls: run.calls,
    status: run.status,
    gongRequests,
    requestsPerCall: Number((gongRequests / Math.max(run.calls, 1)).toFixed(4)),
    wallSeconds: Number(wallSeconds.toFixed(1)),
    floorSeconds: Number(floorSeconds.toFixed(1)),
    ratioToFloor: Number((wallSeconds / floorSeconds).toFixed(3)),
    http429: stats.http429,
    peakRssMb: Math.round(peakRssMb),
    database,
  };
  console.log(`backfilled ${result.calls} calls with ${gongRequests} Gong requests in ${result.wallSeconds} s (floor ${result.floorSeconds} s)`);
  console.log(JSON.stringify(result));
} finally {
  clearInterval(sampler);
  await stack.stop();
}
