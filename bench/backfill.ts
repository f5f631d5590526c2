import { parseArgs } from "node:util";
import "../scripts/allow-server-only";
import { treeRssMb } from "../scripts/process-table";
import { startDatabaseServerForRun } from "../test-support/database-server";
import { startSyncStack } from "../test-support/sync-stack";
import { startExecutorProcess } from "./executor-process";
import { startSimulatorProcess } from "./simulator-process";

/**
 * Backfills N simulator calls at Gong's real limits (3 requests/second, 10,000/day) through the real executor
 * and functions, and compares the wall time with the floor those limits set for the requests it needed. With
 * `--drift 0.05` the simulator serves 5 % of the calls drifted (gong-simulator/README.md "Drift"): the calls it
 * cannot store are quarantined, and the requests per call Gong holds should not move.
 */
const { values } = parseArgs({ options: { calls: { type: "string", default: "5000" }, drift: { type: "string", default: "0" } } });
const calls = Number(values.calls);
const driftRate = Number(values.drift);
if (!(driftRate >= 0 && driftRate <= 1)) throw new Error("--drift is a share of calls, from 0 to 1");

// Without DATABASE_URL, an embedded PostgreSQL set up as `npm run demo` runs it, its memory sampled beside ours.
const databaseServer = await startDatabaseServerForRun({ throwaway: false });
const databasePid = databaseServer.pid;
let peakRssMb = 0;
let peakDatabaseRssMb = 0;
const sampler = setInterval(() => {
  peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
}, 200);
const databaseSampler = setInterval(() => {
  if (databasePid !== null) peakDatabaseRssMb = Math.max(peakDatabaseRssMb, treeRssMb(databasePid));
}, 1000);
// As under `npm run demo`, Gong (the simulator) and the executor run in processes of their own, so building
// Gong's answers and scheduling steps do not share this process's event loop with the functions being measured.
const simulator = await startSimulatorProcess({ calls, rateLimit: 3, dailyLimit: 10_000, driftRate });
// The tests page one page a run to cross hand-overs; the benchmark measures the product's default.
const stack = await startSyncStack({ externalSimulator: simulator, launchExecutor: startExecutorProcess, env: { SYNC_PAGES_PER_RUN: "40" } });
let report = "";
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

  // Insights follow the data (gong/sync-run.ended); timed apart, and awaited so the stack stops idle.
  const transcribed = await stack.db.selectFrom("calls").select((eb) => eb.fn.countAll<string>().as("n")).where("transcript_status", "=", "ready").executeTakeFirstOrThrow();
  for (;;) {
    const done = await stack.db.selectFrom("call_insights").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    if (Number(done.n) >= Number(transcribed.n)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const insightsSeconds = (performance.now() - started) / 1000 - wallSeconds;

  const usage = await getTodaysApiUsage(stack.db, connectionId);
  const stats = (await stack.simulatorControl("stats")) as { http429: number };
  const held = await stack.db.selectFrom("quarantined_gong_records").select(["source"]).execute();
  const callsNotStored = held.filter((row) => row.source === "call").length;
  // Peak RSS is this process's: the app's functions and their database client, without Gong or the executor.
  const gongRequests = usage.requests;
  const floorSeconds = gongRequests / 3;
  const result = {
    calls: run.calls,
    status: run.status,
    drift: driftRate,
    // Calls (or their transcripts) that failed validation: set aside with the failing field, not stored.
    quarantined: held.length,
    gongRequests,
    // Per call Gong holds: the stored ones and the ones quarantined without being stored.
    requestsPerCall: Number((gongRequests / Math.max(run.calls + callsNotStored, 1)).toFixed(4)),
    wallSeconds: Number(wallSeconds.toFixed(1)),
    floorSeconds: Number(floorSeconds.toFixed(1)),
    ratioToFloor: Number((wallSeconds / floorSeconds).toFixed(3)),
    http429: stats.http429,
    insightsAfterSeconds: Number(insightsSeconds.toFixed(1)),
    peakRssMb: Math.round(peakRssMb),
    // The embedded server's processes (postmaster and sessions): their RSS summed, the shared buffers once (Linux).
    databaseRssMb: databasePid === null ? null : Math.round(peakDatabaseRssMb),
    database: databaseServer.database,
  };
  console.log(`backfilled ${result.calls} calls (${result.quarantined} quarantined) with ${gongRequests} Gong requests in ${result.wallSeconds} s (floor ${result.floorSeconds} s); insights ${result.insightsAfterSeconds} s later`);
  report = JSON.stringify(result);
} finally {
  clearInterval(sampler);
  clearInterval(databaseSampler);
  await stack.stop();
  await databaseServer.stop();
}
// Last, after everything stopped, so nothing a shutdown logs can follow it.
console.log(report);
process.exit(0);
