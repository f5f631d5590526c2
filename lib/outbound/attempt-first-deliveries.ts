import type { Kysely } from "kysely";
import pLimit from "p-limit";
import type { Database, WebhookEndpoint } from "@/db/schema";
import { type AttemptOptions, attemptDelivery } from "./attempt-delivery";
import { readSigningSecrets } from "./endpoint-secret";
import type { QueuedDelivery, RecordedDelivery } from "./record-outbound-deliveries";

/** Attempts under way at once (a request, or what came of it being written), over all endpoints. */
export const FIRST_ATTEMPTS_IN_FLIGHT = 100;
/** Requests in flight at once to one endpoint, so a batch of one customer's calls does not flood its receiver. */
export const FIRST_ATTEMPTS_IN_FLIGHT_PER_ENDPOINT = 16;
/** No first attempt starts later than this after the first one did; the rest are left to delivery runs. */
export const FIRST_ATTEMPTS_BUDGET_MS = 20_000;

/**
 * What a delivery run must do for a delivery whose first attempt did not settle it: the attempt it continues
 * with, not before when, and whether the endpoint's throttle slot for it is already taken.
 */
export type DeliveryHandoff = QueuedDelivery & { fromAttempt: number; notBeforeMs?: number; slotReserved?: boolean };

export type FirstAttemptOptions = Pick<AttemptOptions, "getEncryptionKey" | "timeoutMs" | "patienceMs" | "allowPrivateTargets" | "loaders"> & {
  retryScheduleSeconds: number[];
  budgetMs?: number;
};

/** First attempts started as deliveries are recorded, sharing one set of limits; `attempt` answers what is left. */
export type FirstAttempts = { attempt(deliveries: RecordedDelivery[]): Promise<DeliveryHandoff[]> };

/**
 * Makes each delivery's first attempt right away, with attemptDelivery (so it is signed, SSRF-checked, throttled
 * by the endpoint's slots and recorded exactly as a delivery run's attempt is), a bounded number under way overall
 * and of requests in flight per endpoint (only the request holds the endpoint's place, not the bookkeeping around
 * it), over every call of `attempt` (a fan-out calls it for each event as soon as that event's
 * deliveries are recorded, so the first events need not wait for the last). A delivery given twice (two events of
 * a batch meaning the same delivery) is attempted once. Each call answers the deliveries still to do: after a failed
 * attempt, the schedule's second attempt at the time recorded for it; when the endpoint's throttle put the attempt
 * off, the first attempt at its slot; when the budget ran out before it started, the first attempt. Delivered or
 * stopped deliveries need nothing more.
 */
export function startFirstAttempts(db: Kysely<Database>, options: FirstAttemptOptions): FirstAttempts {
  const overall = pLimit(FIRST_ATTEMPTS_IN_FLIGHT);
  const perEndpoint = new Map<string, pLimit.Limit>();
  const limitFor = (endpointId: string) => {
    const found = perEndpoint.get(endpointId) ?? pLimit(FIRST_ATTEMPTS_IN_FLIGHT_PER_ENDPOINT);
    perEndpoint.set(endpointId, found);
    return found;
  };
  // Each endpoint's secrets are decrypted once for all its attempts, not once for each.
  const decrypted = new Map<string, Promise<string[]>>();
  const signingSecrets = (endpoint: WebhookEndpoint) => {
    const key = `${endpoint.id}/${endpoint.secret_encrypted}/${endpoint.previous_secret_encrypted ?? ""}`;
    const found = decrypted.get(key) ?? readSigningSecrets(endpoint, options.getEncryptionKey());
    decrypted.set(key, found);
    return found;
  };
  const started = new Set<string>();
  const deadline = Date.now() + (options.budgetMs ?? FIRST_ATTEMPTS_BUDGET_MS);
  const nextWaitSeconds = options.retryScheduleSeconds[0] ?? null;
  const attemptOne = async ({ target, ...delivery }: RecordedDelivery): Promise<DeliveryHandoff | null> => {
    if (Date.now() > deadline) return { ...delivery, fromAttempt: 1 };
    const sendThrough = limitFor(delivery.endpointId);
    const outcome = await attemptDelivery(db, delivery.deliveryId, { ...options, nextWaitSeconds, slotReserved: false, target, sendThrough, signingSecrets });
    switch (outcome.kind) {
      case "delivered":
      case "stopped":
        return null;
      case "throttled":
        return { ...delivery, fromAttempt: 1, notBeforeMs: outcome.untilMs, slotReserved: true };
      case "slow":
        // Sent, unanswered within the fan-out's patience: the delivery run sends it again at once, with the full
        // timeout, as its first counted attempt (the receiver may see the webhook-id twice, as at-least-once allows).
        return { ...delivery, fromAttempt: 1 };
      case "retry":
        return { ...delivery, fromAttempt: 2, notBeforeMs: Date.now() + nextWaitSeconds! * 1000 };
    }
  };
  return {
    async attempt(deliveries) {
      const fresh = deliveries.filter((delivery) => !started.has(delivery.deliveryId));
      for (const delivery of fresh) started.add(delivery.deliveryId);
      const settled = await Promise.allSettled(fresh.map((delivery) => overall(() => attemptOne(delivery))));
      // Every attempt of this call ends before an error is thrown.
      const failure = settled.find((each) => each.status === "rejected");
      if (failure) throw failure.reason;
      return settled.flatMap((each) => (each.status === "fulfilled" && each.value ? [each.value] : []));
    },
  };
}
