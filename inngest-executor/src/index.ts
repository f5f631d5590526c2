import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { resolveOptions, type ExecutorOptions } from "./config.js";
import { migrateSchema } from "./postgres/schema.js";
import { createExecutorServer } from "./http/server.js";
import { watchApps } from "./sync/watch-apps.js";
import { createIntakePressure } from "./worker/intake-pressure.js";
import { startScheduler } from "./worker/scheduler.js";

export { parseConfig, type ExecutorOptions } from "./config.js";

export type Executor = {
  url: string;
  port: number;
  /** Re-runs the in-band sync of every configured app now. */
  syncApps(): Promise<void>;
  /** Event requests this executor took in so far: from outside (webhooks, clicks: intake pressure) and from runs' step.sendEvent. */
  eventRequests?(): { fromOutside: number; fromRuns: number };
  /** Stops claiming work, lets in-flight requests finish (up to `graceMs`) and closes the pool. */
  stop(options?: { graceMs?: number }): Promise<void>;
};

/** Starts an executor: schema upgrade, HTTP listener, queue workers, cron and app sync. */
export async function startExecutor(partial: Partial<ExecutorOptions> & { databaseUrl: string }): Promise<Executor> {
  const options = resolveOptions(partial);
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolMax });
  pool.on("error", (error) => console.error("[inngest-executor] idle database connection failed:", error.message));
  await migrateSchema(pool);

  const watcher = watchApps(pool, options.appUrls, options.signingKey, options.syncIntervalMs);
  const pressure = createIntakePressure();
  const eventRequests = { fromOutside: 0, fromRuns: 0 };
  const intakeFirst = options.intakeFirstMs > 0 ? { pressure, maxDeferMs: options.intakeFirstMs } : undefined;
  const scheduler = startScheduler(
    {
      pool,
      owner: `${process.pid}-${randomBytes(4).toString("hex")}`,
      signingKey: options.signingKey,
      leaseMs: options.leaseMs,
      backoffScale: options.backoffScale,
      requestTimeoutMs: 15 * 60_000,
      onUnreachable: (url) => watcher.markUnreachable(url),
    },
    {
      workers: options.workers,
      pollMs: options.pollMs,
      cronEveryMs: Math.min(options.pollMs * 5, 1000),
      retentionMs: options.retentionDays * 86_400_000,
      intakeFirst,
    },
  );
  let starting = true;
  const server = createExecutorServer({
    pool,
    appUrls: options.appUrls,
    keys: { signingKey: options.signingKey, signingKeyFallback: options.signingKeyFallback },
    eventKey: options.eventKey,
    maxEventBytes: options.maxEventBytes,
    dev: options.dev,
    eventsIngested: ({ fromRun }) => {
      // Only what comes from outside is intake: a burst of runs sending events is the queue at work, and holding
      // the queue back for it would slow the very runs that send them.
      if (fromRun) eventRequests.fromRuns++;
      else {
        eventRequests.fromOutside++;
        pressure.noteRequest();
      }
      scheduler.nudge();
    },
    isStarting: () => starting,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  await watcher.syncAll();
  starting = false;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${options.host}:${port}`,
    port,
    syncApps: () => watcher.syncAll(),
    eventRequests: () => ({ ...eventRequests }),
    stop({ graceMs = 5_000 } = {}) {
      stopping ??= (async () => {
        watcher.stop();
        await scheduler.stop(graceMs);
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await pool.end();
      })();
      return stopping;
    },
  };
}
