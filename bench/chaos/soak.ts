import { treeRssMb } from "../../scripts/process-table";
import { quantile } from "../quantile";
import type { BenchStack } from "../webhook-stack";
import type { createApiLoad } from "./api-load";
import type { createWebhookLoad } from "./webhook-load";

export type SoakFigures = {
  soakMinutes: number;
  rssGrowthMbPerHour: Record<string, number | null>;
  rssMb: Record<string, number>;
  /** p99 of the app's answers to Gong's webhook deliveries, one figure per 5 minutes. */
  webhookP99MsPer5Minutes: Array<number | null>;
};

const PROCESSES = ["app", "worker", "executor"] as const;
const BUCKET_MS = 5 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type Attempt = { at: string; durationMs: number };

/** Least-squares slope of (minutes, MB) samples, in MB per hour. */
function slopePerHour(samples: Array<[number, number]>): number | null {
  if (samples.length < 3) return null;
  const meanX = samples.reduce((sum, [x]) => sum + x, 0) / samples.length;
  const meanY = samples.reduce((sum, [, y]) => sum + y, 0) / samples.length;
  const covariance = samples.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = samples.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? null : Number(((covariance / variance) * 60).toFixed(1));
}

/**
 * `minutes` of steady load (webhooks, API requests, a sync of one organization every 5 minutes) on the stack that
 * survived the chaos run: memory of the app server, the worker and the executor sampled every 15 s (growth fitted
 * after the first fifth, the warm-up), and the webhook answer times Gong saw, from the simulator's delivery log.
 */
export async function measureSoak(
  bench: BenchStack,
  webhooks: ReturnType<typeof createWebhookLoad>,
  api: ReturnType<typeof createApiLoad>,
  minutes: number,
  startSync: () => Promise<unknown>,
  log: (line: string) => void,
): Promise<SoakFigures> {
  const started = performance.now();
  const startedAtMs = Date.now();
  const endAt = started + minutes * 60_000;
  const rss: Record<string, Array<[number, number]>> = Object.fromEntries(PROCESSES.map((name) => [name, []]));
  const attempts = new Map<string, Attempt>();
  webhooks.start();
  let nextSync = started;
  while (performance.now() < endAt) {
    const elapsedMinutes = (performance.now() - started) / 60_000;
    for (const name of PROCESSES) {
      const pid = bench.stack.process(name).child.pid;
      if (pid) rss[name]!.push([elapsedMinutes, Math.round(treeRssMb(pid) * 10) / 10]);
    }
    const deliveryLog = await fetch(`${bench.stack.simulatorUrl}/__sim/deliveries`).then((response) => response.json()).catch(() => ({}));
    const { deliveries } = deliveryLog as { deliveries?: Array<{ id: string; attempts: Attempt[] }> };
    for (const delivery of deliveries ?? []) delivery.attempts.forEach((attempt, index) => attempts.set(`${delivery.id}:${index}`, attempt));
    if (performance.now() >= nextSync) {
      nextSync += BUCKET_MS;
      await startSync();
    }
    for (let round = 0; round < 5; round++) {
      await api.round();
      await sleep(3_000);
    }
    log(`soak ${elapsedMinutes.toFixed(1)} min: ${PROCESSES.map((name) => `${name} ${rss[name]!.at(-1)?.[1] ?? "?"} MB`).join(", ")}`);
  }
  await webhooks.stop();
  const buckets: number[][] = [];
  for (const attempt of attempts.values()) {
    const offset = Date.parse(attempt.at) - startedAtMs;
    if (offset < 0) continue;
    (buckets[Math.floor(offset / BUCKET_MS)] ??= []).push(attempt.durationMs);
  }
  const warmedUp = (samples: Array<[number, number]>) => samples.filter(([x]) => x >= minutes / 5);
  return {
    soakMinutes: minutes,
    rssGrowthMbPerHour: Object.fromEntries(PROCESSES.map((name) => [name, slopePerHour(warmedUp(rss[name]!))])),
    rssMb: Object.fromEntries(PROCESSES.map((name) => [name, rss[name]!.at(-1)?.[1] ?? 0])),
    webhookP99MsPer5Minutes: [...buckets].map((bucket) => {
      const sorted = (bucket ?? []).sort((a, b) => a - b);
      const value = quantile(sorted, 0.99);
      return value === undefined ? null : Math.round(value);
    }),
  };
}
