import { db } from "@/db";
import { inngest } from "@/inngest/client";
import { outboundDeliveryRequested } from "@/inngest/events";
import { getOutboundConfig } from "@/lib/env";
import { type AttemptOutcome, attemptDelivery } from "@/lib/outbound/attempt-delivery";
import { getOutboundEncryptionKey } from "@/lib/outbound/get-encryption-key";

/**
 * Delivers one event to one endpoint, at least once: an attempt, then the retry schedule's waits (Standard
 * Webhooks: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) between further attempts, each a step of its own so a
 * restart resumes where it was. Every attempt sends the same webhook-id. A new delivery's first attempt is made by
 * the fan-out, which starts a run only for what is left (`fromAttempt`, `notBeforeMs`, `slotReserved`). Runs are throttled per endpoint so a
 * burst of calls reaches a receiver at a bounded rate; an endpoint's own `throttle_per_second` slows it further.
 * At most 3 attempts run at once over all endpoints: these are retries, and a burst's retries must not take the
 * workers the fan-out needs for the burst's first attempts.
 */
export const deliverOutboundWebhook = inngest.createFunction(
  {
    id: "deliver-outbound-webhook",
    triggers: [outboundDeliveryRequested],
    throttle: { key: "event.data.endpointId", limit: 50, period: "1s", burst: 50 },
    concurrency: { limit: 3 },
  },
  async ({ event, step }) => {
    const { deliveryId, notBeforeMs, slotReserved = false } = event.data;
    const { retryScheduleSeconds, timeoutMs, allowPrivateTargets } = getOutboundConfig();
    const attempts = retryScheduleSeconds.length + 1;
    // A delivery the fan-out already attempted continues where it left off: its next attempt at the time recorded
    // (the last one of the schedule, should the schedule have been shortened since).
    const fromAttempt = Math.min(event.data.fromAttempt ?? 1, attempts);
    if (notBeforeMs !== undefined) await step.sleepUntil(`resume-${fromAttempt}`, new Date(notBeforeMs));
    for (let attempt = fromAttempt; attempt <= attempts; attempt++) {
      const nextWaitSeconds = attempt < attempts ? retryScheduleSeconds[attempt - 1]! : null;
      const run = (reserved: boolean) => (): Promise<AttemptOutcome> =>
        attemptDelivery(db, deliveryId, { nextWaitSeconds, slotReserved: reserved, getEncryptionKey: getOutboundEncryptionKey, timeoutMs, allowPrivateTargets });
      let outcome = await step.run(`attempt-${attempt}`, run(attempt === fromAttempt && slotReserved));
      if (outcome.kind === "throttled") {
        await step.sleepUntil(`throttle-${attempt}`, new Date(outcome.untilMs));
        outcome = await step.run(`attempt-${attempt}-throttled`, run(true));
      }
      if (outcome.kind === "delivered") return { deliveryId, delivered: true, attempts: attempt };
      if (outcome.kind === "stopped") return { deliveryId, delivered: false, attempts: attempt, reason: outcome.reason };
      if (nextWaitSeconds !== null) await step.sleep(`wait-${attempt}`, `${nextWaitSeconds}s`);
    }
    return { deliveryId, delivered: false, attempts };
  },
);
