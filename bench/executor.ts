// npm run bench:executor [-- --runs N]: a 3-step function through the embedded executor vs called in-process.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { Inngest } from "inngest";
import { serve } from "inngest/node";
import pg from "pg";
import { z } from "zod";
import { startExecutor } from "../inngest-executor/src/index.js";
import { startDatabaseServerForRun } from "../test-support/database-server.js";
import { createTestDatabase } from "../test-support/test-database.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "200" }, latency: { type: "string", default: "20" } } });
const runs = z.coerce.number().int().positive().parse(values.runs);
const latencyRuns = z.coerce.number().int().min(0).parse(values.latency);

type StepRunner = { run<T>(id: string, body: () => T | Promise<T>): Promise<T> };

/** The benchmarked workflow: three small steps, each doing a little real work. */
async function threeSteps(step: StepRunner, seed: number) {
  const fetched = await step.run("fetch", () => Array.from({ length: 50 }, (_, i) => (seed * 31 + i) % 97));
  const total = await step.run("transform", () => fetched.reduce((sum, n) => sum + n, 0));
  return step.run("save", () => ({ seed, total }));
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

// Without DATABASE_URL, an embedded PostgreSQL set up as `npm run demo` runs it.
const databaseServer = await startDatabaseServerForRun({ throwaway: false });
const db = await createTestDatabase();
const signingKey = `signkey-bench-${randomBytes(32).toString("hex")}`;
const target = { url: "http://127.0.0.1:9" };
const client = new Inngest({
  id: "bench-app",
  isDev: false,
  signingKey,
  eventKey: "bench-key",
  baseUrl: "http://executor.invalid/",
  fetch: (input, init) => fetch(new URL(new URL(input instanceof Request ? input.url : String(input)).pathname, target.url), init),
});
const fn = client.createFunction({ id: "three-steps", triggers: [{ event: "bench/go" }] }, ({ event, step }) =>
  threeSteps(step as unknown as StepRunner, Number((event.data as { seed: number }).seed)),
);
const server = createServer(serve({ client, functions: [fn] }));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/inngest`;
const executor = await startExecutor({ databaseUrl: db.url, port: 0, appUrls: [appUrl], signingKey, eventKey: "bench-key", pollMs: 10 });
target.url = executor.url;
const pool = new pg.Pool({ connectionString: db.url, max: 1 });
const completed = async () =>
  Number((await pool.query("SELECT count(*) AS n FROM inngest_executor.runs WHERE status = 'completed'")).rows[0].n);
const waitForCompleted = async (n: number) => {
  while ((await completed()) < n) await new Promise((resolve) => setTimeout(resolve, 5));
};

// Throughput: all runs queued at once, the executor's workers drain them.
const started = performance.now();
for (let i = 0; i < runs; i += 50) {
  await client.send(Array.from({ length: Math.min(50, runs - i) }, (_, j) => ({ name: "bench/go", data: { seed: i + j } })));
}
await waitForCompleted(runs);
const executorMs = performance.now() - started;

// Latency: one run at a time, event sent → run completed.
const latencies: number[] = [];
for (let i = 0; i < latencyRuns; i++) {
  const t0 = performance.now();
  await client.send({ name: "bench/go", data: { seed: i } });
  await waitForCompleted(runs + i + 1);
  latencies.push(performance.now() - t0);
}

const directStarted = performance.now();
const direct: StepRunner = { run: async (_id, body) => body() };
for (let i = 0; i < runs; i++) await threeSteps(direct, i);
const directMs = performance.now() - directStarted;

clearInterval(sampler);
await executor.stop();
await pool.end();
server.closeAllConnections();
server.close();
await db.drop();
await databaseServer.stop();

latencies.sort((a, b) => a - b);
const p50 = latencies[Math.floor(latencies.length / 2)] ?? 0;
const directPerRunMs = directMs / runs;
const result = {
  runs,
  database: databaseServer.database,
  runsPerSecond: round(runs / (executorMs / 1000)),
  p50RunLatencyMs: round(p50),
  overheadPerStepMs: round((p50 - directPerRunMs) / 3),
  directRunsPerSecond: round(runs / (directMs / 1000)),
  peakRssMb: round(peakRss / 1024 / 1024),
};
console.log(`executor: ${runs} runs of a 3-step function in ${round(executorMs)} ms (${result.runsPerSecond} runs/s, ${result.database})`);
console.log(`latency: p50 ${result.p50RunLatencyMs} ms per run over ${latencyRuns} sequential runs → ${result.overheadPerStepMs} ms overhead per step`);
console.log(`direct in-process: ${result.directRunsPerSecond} runs/s; peak RSS (app + executor in one process) ${result.peakRssMb} MB`);
console.log(JSON.stringify(result));

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
