import type pg from "pg";
import { quantile } from "./quantile";
import type { BenchStack } from "./webhook-stack";

export type TranscriptFigures = { calls: number; stored: number; webhookToTranscriptP50Ms: number | null; webhookToTranscriptP90Ms: number | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Time from a new call in the simulator (which fires its rule, signed by the simulator, at our real route) until
 * that call's transcript is stored and so shown on its page, one call at a time, the simulator answering at once.
 */
export async function measureWebhookToTranscript(bench: BenchStack, calls: number): Promise<TranscriptFigures> {
  await bench.control("faults", { rateLimit: 1_000_000, dailyLimit: 100_000_000, transcriptDelaySeconds: 0 });
  const connectionId = await bench.connectOrganization("Bench transcript latency", null);
  const rule = await bench.control("rules", { url: `${bench.stack.appUrl}/api/webhooks/gong/${connectionId}`, auth: "jwt" });
  await bench.pool.query("update gong_connections set webhook_public_key = $1 where id = $2", [String(rule.publicKey), connectionId]);

  const timings: number[] = [];
  for (let index = 0; index < calls; index++) {
    const started = performance.now();
    const call = await bench.control("calls", { title: `Bench call ${index}`, primaryUserEmail: "rep1@acme.test", transcriptDelaySeconds: 0 });
    if (await waitForTranscript(bench.pool, connectionId, String(call.id), 30_000)) timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => {
    const value = quantile(timings, q);
    return value === undefined ? null : Math.round(value);
  };
  return { calls, stored: timings.length, webhookToTranscriptP50Ms: at(0.5), webhookToTranscriptP90Ms: at(0.9) };
}

async function waitForTranscript(pool: pg.Pool, connectionId: string, callGongId: string, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const result = await pool.query<{ count: number }>(
      "select transcript_segment_count as count from calls where connection_id = $1 and gong_id = $2",
      [connectionId, callGongId],
    );
    if ((result.rows[0]?.count ?? 0) > 0) return true;
    await sleep(20);
  }
  return false;
}
