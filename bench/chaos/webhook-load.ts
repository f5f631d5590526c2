import type { Random } from "../../gong-simulator/src/data/prng";
import type { BenchStack } from "../webhook-stack";

/**
 * New calls in Gong at a steady rate: each fires every organization's rule, delivered twice by the simulator
 * (webhookCopies), some with their transcript arriving late; some are replayed by Gong later.
 */
export function createWebhookLoad(bench: BenchStack, random: Random, options: { perSecond: number; replayShare: number; lateTranscriptShare: number }) {
  const created: string[] = [];
  const replays = new Set<Promise<unknown>>();
  let replayed = 0;
  let timer: NodeJS.Timeout | null = null;

  const replay = (callId: string, delayMs: number) => {
    const pending = new Promise((resolve) => setTimeout(resolve, delayMs))
      .then(() => bench.control(`calls/${callId}/redeliver`, {}))
      .then(() => replayed++)
      .catch(() => undefined)
      .finally(() => replays.delete(pending));
    replays.add(pending);
  };

  const tick = async () => {
    const late = random.chance(options.lateTranscriptShare);
    const call = await bench.control("calls", {
      title: `Chaos call ${created.length + 1}`,
      primaryUserEmail: random.pick(["rep1@acme.test", "rep2@acme.test", "rep3@acme.test"]),
      transcriptDelaySeconds: late ? random.int(5, 30) : 0,
    });
    created.push(String(call.id));
    if (random.chance(options.replayShare)) replay(String(call.id), random.int(5_000, 30_000));
  };

  return {
    created,
    get replayed() {
      return replayed;
    },
    start() {
      timer = setInterval(() => void tick().catch(() => undefined), 1000 / options.perSecond);
    },
    /** Gong replays these calls' webhooks (e.g. calls deleted meanwhile, which must stay deleted). */
    replayNow(callIds: string[]) {
      for (const callId of callIds) replay(callId, 0);
    },
    async stop() {
      if (timer) clearInterval(timer);
      await Promise.all([...replays]);
    },
  };
}
