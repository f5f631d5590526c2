import type { Kysely } from "kysely";
import { disableWebhookEndpoint, reserveEndpointSlot } from "@/db/queries/outbound/endpoint-health";
import { getDeliveryTarget } from "@/db/queries/outbound/get-delivery-target";
import { cancelOutboundDelivery } from "@/db/queries/outbound/outbound-deliveries";
import type { Database, OutboundDelivery, WebhookEndpoint } from "@/db/schema";
import { readSigningSecrets } from "./endpoint-secret";
import { readTargetUrl } from "./endpoint-url";
import { sendWebhookRequest } from "./send-webhook-request";
import { type AttemptWriters, createAttemptWriters } from "./outbound-loaders";
import { signMessage } from "./sign-message";
import type { EncryptionKeys } from "@/lib/crypto/encryption";

/** An endpoint whose every attempt failed for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 3 * 24 * 60 * 60 * 1000;

export type AttemptOutcome =
  | { kind: "delivered"; status: number }
  | { kind: "retry"; error: string }
  | { kind: "stopped"; reason: string }
  | { kind: "throttled"; untilMs: number }
  /** No answer within `patienceMs`: not counted as an attempt; to be sent again with the full timeout. */
  | { kind: "slow" };

export type AttemptOptions = {
  /** Seconds until the next attempt, or null when this is the last one. */
  nextWaitSeconds: number | null;
  /** The throttle slot was taken before a wait; take no other. */
  slotReserved: boolean;
  /** Called only when a secret is needed (a signing secret, a Slack URL), so nothing reads the key before it must. */
  getEncryptionKey: () => EncryptionKeys;
  timeoutMs: number;
  /**
   * A fan-out's first attempt waits this long, not `timeoutMs`: a receiver that has not answered by then is left to
   * a delivery run, which sends the same message again with the full timeout, so one slow receiver does not hold
   * the fan-out (and the first attempts of every other event it carries).
   */
  patienceMs?: number;
  allowPrivateTargets: boolean;
  /** The delivery and its endpoint, when the caller has just read them (a fan-out's first attempt). */
  target?: { delivery: OutboundDelivery; endpoint: WebhookEndpoint };
  /** Makes the request itself, when only it must wait its turn (a fan-out's requests in flight per endpoint). */
  sendThrough?: <T>(send: () => Promise<T>) => Promise<T>;
  /** Where what came of the attempt is written: a fan-out's, shared by its attempts, or the attempt's own. */
  loaders?: AttemptWriters;
  /** The endpoint's signing secrets, when the caller keeps them decrypted (a fan-out's attempts share them). */
  signingSecrets?: (endpoint: WebhookEndpoint) => Promise<string[]>;
};

/**
 * One attempt of a delivery: signs the stored body afresh (a new timestamp, the same webhook-id) and records
 * what came of it. 2xx is delivered; 410 disables the endpoint; anything else retries while attempts remain.
 */
export async function attemptDelivery(db: Kysely<Database>, deliveryId: string, options: AttemptOptions): Promise<AttemptOutcome> {
  const target = options.target ?? (await getDeliveryTarget(db, deliveryId));
  if (!target) return { kind: "stopped", reason: "The delivery or its endpoint was deleted." };
  const { delivery, endpoint } = target;
  if (delivery.status !== "pending") return { kind: "stopped", reason: `The delivery is already ${delivery.status}.` };
  if (!endpoint.enabled) {
    await cancelOutboundDelivery(db, delivery.id, `The endpoint is disabled: ${endpoint.disabled_reason ?? "no reason given"}`);
    return { kind: "stopped", reason: "The endpoint is disabled." };
  }
  if (endpoint.throttle_per_second && !options.slotReserved) {
    const slot = await reserveEndpointSlot(db, endpoint.id, endpoint.throttle_per_second);
    if (slot.getTime() > Date.now() + 20) return { kind: "throttled", untilMs: slot.getTime() };
  }
  const body = JSON.stringify(delivery.payload);
  const readSecrets = options.signingSecrets ?? ((of: WebhookEndpoint) => readSigningSecrets(of, options.getEncryptionKey()));
  const secrets = endpoint.format === "standard" ? await readSecrets(endpoint) : null;
  const patient = options.patienceMs !== undefined && options.patienceMs < options.timeoutMs;
  const timeoutMs = patient ? options.patienceMs! : options.timeoutMs;
  const url = await readTargetUrl(endpoint, options.getEncryptionKey);
  // Signed as it goes, so the timestamp is the request's own however long it waited its turn.
  const send = () => {
    const headers = secrets ? signMessage(secrets, delivery.message_id, new Date(), body) : {};
    return sendWebhookRequest({ url, headers, body, timeoutMs, allowPrivateTargets: options.allowPrivateTargets });
  };
  const response = await (options.sendThrough ? options.sendThrough(send) : send());
  if (patient && !response.ok && response.timedOut) return { kind: "slow" };
  const writes = options.loaders ?? createAttemptWriters(db);
  const base = { id: delivery.id, at: new Date(), responseStatus: response.status, latencyMs: response.latencyMs };
  if (response.ok) {
    await Promise.all([writes.attempt.load({ ...base, status: "delivered", error: null, nextAttemptAt: null }), writes.endpointSucceeded.load(endpoint.id)]);
    return { kind: "delivered", status: response.status };
  }
  if (response.status === 410) {
    // Disabled before the attempt is recorded: whoever sees the delivery settled sees the endpoint disabled.
    await disableWebhookEndpoint(db, endpoint.id, "The endpoint answered 410 Gone, so deliveries to it stopped.");
    await writes.attempt.load({ ...base, status: "failed", error: response.error, nextAttemptAt: null });
    return { kind: "stopped", reason: "410 Gone" };
  }
  const failingSince = await writes.endpointFailed.load(endpoint.id);
  const failingTooLong = failingSince !== null && Date.now() - new Date(failingSince).getTime() >= DISABLE_AFTER_FAILING_MS;
  const last = options.nextWaitSeconds === null || failingTooLong || response.refused === true;
  if (failingTooLong) {
    const since = new Date(failingSince).toISOString();
    await disableWebhookEndpoint(db, endpoint.id, `Every delivery since ${since} failed (last: ${response.error}); enable the endpoint once it answers 2xx again.`);
  }
  await writes.attempt.load({
    ...base,
    status: last ? "failed" : "pending",
    error: response.error,
    nextAttemptAt: last ? null : new Date(Date.now() + options.nextWaitSeconds! * 1000),
  });
  return last ? { kind: "stopped", reason: response.error } : { kind: "retry", error: response.error };
}
