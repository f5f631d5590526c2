import path from "node:path";
import { createRandom } from "../../gong-simulator/src/data/prng";
import type { DatabaseServer } from "../../test-support/database-server";
import { startBenchStack } from "../webhook-stack";
import { createApiLoad } from "./api-load";
import { prepareOrganizations } from "./chaos-stack";
import { readChaosTruth } from "./gong-truth";
import { type KillRecord, killAndRestart, planKills } from "./kills";
import { measureSoak, type SoakFigures } from "./soak";
import { judge } from "./verdict";
import { createWebhookLoad } from "./webhook-load";

export type ChaosOptions = {
  seed: number;
  calls: number;
  /** Soak: minutes of steady load after the chaos part, sampling memory and webhook answer times. */
  minutes: number;
  organizations?: number;
  /** The simulator's per-company limit, shared by the organizations (Gong's real one is 3 requests/s a company). */
  rateLimit?: number;
  /** SIGKILLs of the executor and of the worker each; the app server is killed once. */
  killsPerKind?: number;
  webhooksPerSecond?: number;
  /** Scales the executor's retry backoff (1 as deployed); a test shortens the waits, not the number of retries. */
  retryBackoffScale?: number;
  log?: (line: string) => void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const root = path.resolve(import.meta.dirname, "../..");

/**
 * The whole stack as `npm run demo` runs it, under everything at once: a backfill of every organization, new calls
 * by webhook (each delivered twice, some replayed), API requests, Gong's faults, and seeded SIGKILLs of its
 * processes; then, once nothing is queued or running, the database compared with Gong's truth.
 */
export async function runChaos(options: ChaosOptions, database: DatabaseServer) {
  const log = options.log ?? (() => undefined);
  const random = createRandom(options.seed, "chaos");
  const unexpectedExits: string[] = [];
  const bench = await startBenchStack(root, {
    // A late transcript is looked for again after 5 s (not 2 min), so the run waits for it without idling.
    extraEnv: { LATE_TRANSCRIPT_FIRST_WAIT_SECONDS: "5", INNGEST_EXECUTOR_BACKOFF_SCALE: String(options.retryBackoffScale ?? 1) },
    onUnexpectedExit: (name, code) => unexpectedExits.push(`${name} (${code})`),
  });
  if ("skipped" in bench) return { skipped: bench.skipped };
  try {
    const organizations = await prepareOrganizations(bench, { seed: options.seed, calls: options.calls, count: options.organizations ?? 3 });
    await bench.control("faults", {
      rateLimit: options.rateLimit ?? 9,
      errorRate: 0.1,
      rateLimitBurstRate: 0.01,
      rateLimitBurstSeconds: 2,
      latencySpikeRate: 0.03,
      latencySpikeMs: 1_500,
      webhookCopies: 2,
    });
    const api = createApiLoad(bench.stack.appUrl, organizations, createRandom(options.seed, "api"), { deletesPerOrganization: 3 });
    const webhooks = createWebhookLoad(bench, createRandom(options.seed, "webhooks"), {
      perSecond: options.webhooksPerSecond ?? 1,
      replayShare: 0.1,
      lateTranscriptShare: 0.2,
    });
    const killsPerKind = options.killsPerKind ?? 2;
    const targets = planKills(random, { perKind: killsPerKind, appKills: 1, database: database.restart !== null });
    const startedAt = performance.now();
    const runIds = await Promise.all(organizations.map((organization) => api.startSync(organization)));
    log(`backfill of ${options.calls} calls started in ${organizations.length} organizations; kills planned: ${targets.join(", ")}`);
    webhooks.start();

    let apiRunning = true;
    const apiLoop = (async () => {
      while (apiRunning) {
        await api.round();
        await sleep(random.int(200, 1_000));
      }
    })();
    // Kills at seeded moments, a few seconds apart, while the backfill and the webhooks run; the load goes on
    // until every kill is done and every backfill has finished.
    const kills: KillRecord[] = [];
    for (const target of targets) {
      await sleep(random.int(3_000, 10_000));
      const record = await killAndRestart(bench, database, target, startedAt);
      kills.push(record);
      log(`killed ${target} at ${(record.atMs / 1000).toFixed(1)} s; back after ${record.downMs} ms`);
    }
    const lastKillAt = performance.now();
    await waitForRuns(bench.pool, runIds);
    log(`backfills finished ${((performance.now() - startedAt) / 1000).toFixed(1)} s after the start`);
    apiRunning = false;
    await apiLoop;
    await webhooks.stop();
    // Gong replays the deleted calls' webhooks: they must stay deleted.
    webhooks.replayNow([...new Set(api.deleted.map((entry) => entry.gongId))]);
    await webhooks.stop();

    // Faults off: what is left to do must finish, and the truth is read without them.
    await bench.control("faults", { errorRate: 0, rateLimitBurstRate: 0, latencySpikeRate: 0, rateLimit: 1_000, webhookCopies: 1 });
    await waitForQuiescence(bench.pool);
    const recoverySeconds = (performance.now() - lastKillAt) / 1000;
    const stats = (await (await fetch(`${bench.stack.simulatorUrl}/__sim/stats`)).json()) as { totalRequests: number; http429: number; faultsInjected: Record<string, number> };
    const truth = await readChaosTruth(bench.stack.simulatorUrl!);
    const verdict = await judge(bench.pool, organizations, truth, api.deleted);
    const soak: SoakFigures | null = options.minutes > 0 ? await measureSoak(bench, webhooks, api, options.minutes, () => api.startSync(random.pick(organizations)), log) : null;
    const gongRequests = stats.totalRequests;
    const callsExpected = truth.callIds.length * organizations.length;
    const { examples, ...figures } = verdict;
    if (Object.values(examples).some((list) => list.length > 0)) log(`examples: ${JSON.stringify(examples)}`);
    if (api.tally.failures.length > 0) log(`API failures: ${JSON.stringify(api.tally.failures)}`);
    return {
      seed: options.seed,
      calls: options.calls,
      organizations: organizations.length,
      ...figures,
      kills: kills.length,
      killsByTarget: Object.fromEntries(["executor", "worker", "app", "database"].map((target) => [target, kills.filter((kill) => kill.target === target).length])),
      faultsInjected: Object.values(stats.faultsInjected).reduce((sum, count) => sum + count, 0),
      faultsByKind: stats.faultsInjected,
      http429: stats.http429,
      recoverySeconds: Number(recoverySeconds.toFixed(1)),
      wallSeconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)),
      gongRequests,
      requestsPerCall: Number((gongRequests / Math.max(1, callsExpected)).toFixed(4)),
      webhookCalls: webhooks.created.length,
      webhookReplays: webhooks.replayed,
      apiRequests: api.tally.requests,
      apiByStatus: api.tally.byStatus,
      deletedCalls: api.deleted.length,
      // Exits of processes the run did not kill.
      unexpectedExits: unexpectedExits.length - kills.filter((kill) => kill.target !== "database").length,
      ...(soak ?? {}),
    };
  } finally {
    await bench.stop();
  }
}

async function query<T>(run: () => Promise<T>): Promise<T> {
  // A restarting database refuses connections for a moment; the harness waits it out like the product must.
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt > 120) throw error;
      await sleep(500);
    }
  }
}

async function waitForRuns(pool: import("pg").Pool, runIds: string[]): Promise<void> {
  for (;;) {
    const { rows } = await query(() => pool.query<{ open: string }>("select count(*) as open from sync_runs where id = any($1) and status in ('queued', 'running')", [runIds]));
    if (Number(rows[0]?.open) === 0) return;
    await sleep(1_000);
  }
}

/** No run queued or running in the executor, no open batch and no sync run unfinished, three times in a row 1 s apart. */
async function waitForQuiescence(pool: import("pg").Pool, timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let calm = 0;
  while (calm < 3) {
    if (performance.now() > deadline) throw new Error(`the stack did not become idle within ${timeoutMs / 1000} s`);
    const { rows } = await query(() =>
      pool.query<{ busy: string }>(
        `select (select count(*) from inngest_executor.runs where status in ('queued', 'running'))
              + (select count(*) from inngest_executor.batches)
              + (select count(*) from sync_runs where status in ('queued', 'running')) as busy`,
      ),
    );
    calm = Number(rows[0]?.busy) === 0 ? calm + 1 : 0;
    await sleep(1_000);
  }
}
