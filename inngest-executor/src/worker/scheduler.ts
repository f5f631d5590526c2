import { claimItems } from "./claim.js";
import { fireDueCrons } from "./fire-crons.js";
import type { IntakePressure } from "./intake-pressure.js";
import { processItem, type WorkerContext } from "./process-item.js";
import { purgeExpired } from "./purge-expired.js";

const PURGE_EVERY_MS = 10 * 60_000;

export type SchedulerOptions = {
  workers: number;
  pollMs: number;
  cronEveryMs: number;
  /** Finished runs, their steps and events are purged this long after they ended or arrived. */
  retentionMs: number;
  /**
   * Intake first: while events pour in, one queue item starts per `maxDeferMs`, so on a machine the executor
   * shares with the app the CPU answers the senders first; runs catch up once the burst is over.
   */
  intakeFirst?: { pressure: IntakePressure; maxDeferMs: number };
};

export type Scheduler = { nudge(): void; stop(graceMs: number): Promise<void>; inFlight(): number };

/**
 * Polls the queue (and cron slots), running up to `workers` items at once. `nudge()` skips the wait when
 * this process just queued something; other processes find it on their next poll.
 */
export function startScheduler(context: WorkerContext, options: SchedulerOptions): Scheduler {
  const running = new Set<Promise<void>>();
  const inFlightIds = new Set<string>();
  let stopped = false;
  let wake: (() => void) | undefined;
  let nudged = false;
  let lastCron = 0;
  let lastPurge = Date.now();
  let lastClaim = 0;

  const nudge = () => {
    nudged = true;
    wake?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (nudged) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  const tick = async () => {
    if (Date.now() - lastCron >= options.cronEveryMs) {
      lastCron = Date.now();
      await fireDueCrons(context.pool);
    }
    if (Date.now() - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = Date.now();
      await purgeExpired(context.pool, options.retentionMs);
    }
    const busy = options.intakeFirst?.pressure.isBusy() ?? false;
    if (busy && Date.now() - lastClaim < options.intakeFirst!.maxDeferMs) return 0;
    lastClaim = Date.now();
    const free = options.workers - running.size;
    const items = await claimItems(context.pool, context.owner, busy ? Math.min(1, free) : free, context.leaseMs, inFlightIds);
    for (const item of items) {
      inFlightIds.add(item.id);
      const task = processItem(context, item)
        .catch((error: unknown) => console.error(`[inngest-executor] item ${item.id} (${item.kind}) failed:`, error))
        .finally(() => {
          inFlightIds.delete(item.id);
          running.delete(task);
          nudge();
        });
      running.add(task);
    }
    return items.length;
  };

  const loop = (async () => {
    while (!stopped) {
      let claimed = 0;
      let failed = false;
      nudged = false;
      try {
        claimed = await tick();
      } catch (error) {
        failed = true;
        if (!stopped) console.error("[inngest-executor] scheduler tick failed:", error instanceof Error ? error.message : error);
      }
      // A failing database is retried once a second rather than at poll speed.
      if (!stopped && failed) await sleep(Math.max(options.pollMs, 1_000));
      else if (!stopped && (claimed === 0 || running.size >= options.workers)) await sleep(options.pollMs);
    }
  })();

  return {
    nudge,
    inFlight: () => running.size,
    async stop(graceMs) {
      stopped = true;
      nudge();
      await loop;
      // In-flight requests finish within the grace period; anything left is picked up again after its lease.
      await Promise.race([Promise.allSettled([...running]), new Promise((resolve) => setTimeout(resolve, graceMs))]);
    },
  };
}
