import type { EncryptionKeys } from "@/lib/crypto/encryption";
import "server-only";
import type { Kysely } from "kysely";
import { z } from "zod";
import { type GongConnectionForWebhook, getGongConnectionsForWebhook } from "@/db/queries/gong-connection-webhook";
import { REJECTED_LOG_RATE, type WebhookDeliveryInput, createWebhookDeliveries } from "@/db/queries/webhook-deliveries";
import type { Database } from "@/db/schema";
import { gongWebhookCallReceived } from "@/inngest/events";
import { createBatcher } from "@/lib/batcher";
import { readBodyWithLimit } from "@/lib/http/read-body-with-limit";
import { authenticateGongDelivery, checkDeliveryBody } from "./authenticate-gong-delivery";
import type { DeliveryReason } from "./delivery-reasons";
import { parseGongWebhookPayload } from "./gong-webhook-payload";
import type { IncomingDelivery } from "./incoming-delivery";
import { createThrottledWarning } from "./throttled-warning";
import { logger } from "@/lib/observability/logger";
import { otelInstruments } from "@/lib/observability/otel-metrics";
import { currentTraceparent, withSpan } from "@/lib/observability/tracing";

export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

export type CallSyncEvent = ReturnType<typeof gongWebhookCallReceived.create>;

export type GongWebhookReceiverDeps = {
  db: Kysely<Database>;
  appUrl: string;
  /** Only needed for "URL includes key" connections, so a lazy getter. */
  getEncryptionKey: () => EncryptionKeys;
  /** Sends many events in one request, as `inngest.send(events)` does. */
  sendEvents: (events: CallSyncEvent[]) => Promise<unknown>;
};

export type WebhookResponse = { status: number; body: { received: true } | { error: string } };

export type GongWebhookReceiver = (delivery: IncomingDelivery, connectionId: string) => Promise<WebhookResponse>;

const STATUS = {
  unknown_connection: 404,
  revoked_connection: 410,
  too_large: 413,
  missing_key: 401,
  bad_token: 401,
  bad_signature: 401,
  body_changed: 401,
  expired: 401,
  long_lived: 401,
  url_mismatch: 401,
  bad_key: 401,
  malformed_payload: 400,
  enqueue_failed: 503,
} as const satisfies Record<DeliveryReason, number>;

type RejectionStatus = (typeof STATUS)[DeliveryReason];

// Deliberately generic: a caller probing the endpoint learns only the class of failure.
const PUBLIC_MESSAGE: Record<RejectionStatus, string> = {
  400: "Invalid payload.", 401: "Unauthorized.", 404: "Not found.", 410: "Gone.", 413: "Payload too large.", 503: "Try again later.",
};

const connectionIdSchema = z.uuid();

// Enough for a burst to share a round trip, small enough for one request to Inngest and one statement.
const MAX_BATCH_SIZE = 100;

/**
 * The receiver for one app process. Concurrent deliveries share their round trips (lib/batcher.ts): one query finds
 * the connections, one request to Inngest sends the events and one statement records the verdicts, so a burst from
 * Gong costs a few round trips per batch instead of per delivery. A lone delivery goes at once.
 */
export function createGongWebhookReceiver(deps: GongWebhookReceiverDeps): GongWebhookReceiver {
  // One batch in flight per kind: the deliveries arriving meanwhile make the next batch bigger, not another round trip.
  const batched = { maxBatchSize: MAX_BATCH_SIZE, maxConcurrentBatches: 1 };
  const steps: ReceiveSteps = {
    appUrl: deps.appUrl,
    getEncryptionKey: deps.getEncryptionKey,
    findConnection: createBatcher(async (ids: string[]) => {
      const rows = await getGongConnectionsForWebhook(deps.db, [...new Set(ids)]);
      return ids.map((id) => rows.find((row) => row.id === id));
    }, batched),
    recordDelivery: createBatcher(async (deliveries: WebhookDeliveryInput[]) => {
      const unlogged = await createWebhookDeliveries(deps.db, deliveries);
      for (const [connectionId, count] of unlogged) warnUnloggedRejections(count, { connectionId });
      return deliveries.map(() => undefined);
    }, batched),
    sendEvent: createBatcher(async (events: CallSyncEvent[]) => {
      await deps.sendEvents(events);
      return events.map(() => undefined);
    }, batched),
  };
  return (delivery, connectionId) =>
    withSpan("gong.webhook.delivery", { "callbridge.connection_id": connectionId.slice(0, 64) }, async (span) => {
      const response = await receiveGongWebhook(delivery, connectionId, steps);
      span.setAttribute("http.response.status_code", response.status);
      otelInstruments().webhookDeliveries.add(1, { "http.response.status_code": response.status });
      return response;
    });
}

type ReceiveSteps = {
  appUrl: string;
  getEncryptionKey: () => EncryptionKeys;
  findConnection: (id: string) => Promise<GongConnectionForWebhook | undefined>;
  recordDelivery: (delivery: WebhookDeliveryInput) => Promise<void>;
  sendEvent: (event: CallSyncEvent) => Promise<void>;
};

/**
 * Gong's "New call" webhook: verify, record the verdict, enqueue the call's sync once per call id. While the
 * connection needs re-authorization a verified call is held (recorded as deferred, answered 202) and synced by
 * queueHeldWebhookCalls once Gong is connected again: the sync would skip it now, and the event id would make
 * Gong's retries duplicates for 24 hours. Nothing is stored for connections that do not exist.
 */
async function receiveGongWebhook(delivery: IncomingDelivery, connectionId: string, deps: ReceiveSteps): Promise<WebhookResponse> {
  const connection = connectionIdSchema.safeParse(connectionId).success ? await deps.findConnection(connectionId) : undefined;
  if (!connection) {
    // No row (there is no connection to hold it), and a log line only now and then.
    warnUnknownConnection(1, { connectionId: connectionId.slice(0, 64) });
    return { status: STATUS.unknown_connection, body: { error: PUBLIC_MESSAGE[STATUS.unknown_connection] } };
  }
  const scope = { organizationId: connection.organization_id, connectionId: connection.id, auth: connection.webhook_auth };
  const reject = async (reason: DeliveryReason, callGongId: string | null = null): Promise<WebhookResponse> => {
    const status = STATUS[reason];
    await deps.recordDelivery({ ...scope, outcome: "rejected", reason, httpStatus: status, callGongId, isTest: false, eventId: null });
    return { status, body: { error: PUBLIC_MESSAGE[status] } };
  };

  if (connection.status === "revoked") return reject("revoked_connection");
  // Credentials first: a forged delivery is refused before a byte of its body is read, let alone hashed.
  const authenticated = await withSpan("gong.webhook.verify", { "gong.webhook.auth": connection.webhook_auth }, async (span) => {
    const result = await authenticateGongDelivery({ connection, delivery, appUrl: deps.appUrl, getEncryptionKey: deps.getEncryptionKey });
    span.setAttribute("gong.webhook.verdict", result.ok ? "ok" : result.reason);
    return result;
  });
  if (!authenticated.ok) return reject(authenticated.reason);
  const body = await readBodyWithLimit(delivery.body, delivery.declaredLength, MAX_WEBHOOK_BODY_BYTES);
  if (!body.ok) return reject("too_large");
  const changed = checkDeliveryBody(authenticated, body.bytes);
  if (changed) return reject(changed);
  const payload = parseGongWebhookPayload(body.bytes);
  if (!payload) return reject("malformed_payload");

  const callGongId = payload.callData.metaData.id;
  if (payload.isTest) {
    await deps.recordDelivery({ ...scope, outcome: "test", reason: null, httpStatus: 200, callGongId, isTest: true, eventId: null });
    return { status: 200, body: { received: true } };
  }
  if (connection.status === "needs_reauth") {
    await deps.recordDelivery({ ...scope, outcome: "deferred", reason: "needs_reauth", httpStatus: 202, callGongId, isTest: false, eventId: null });
    return { status: 202, body: { received: true } };
  }
  // Gong may deliver the same call more than once; the executor drops a repeated event id for 24 h.
  const eventId = `gong-call-${connection.id}-${callGongId}`;
  try {
    // The delivery's trace goes with the event, so the sync it starts joins it (inngest/tracing-middleware.ts).
    const traceparent = currentTraceparent();
    await deps.sendEvent(gongWebhookCallReceived.create({ connectionId: connection.id, callGongId, ...(traceparent ? { traceparent } : {}) }, { id: eventId }));
  } catch (error) {
    logger.error({ connectionId: connection.id, organizationId: connection.organization_id, callGongId, error }, "webhook: could not enqueue the call sync");
    return reject("enqueue_failed", callGongId);
  }
  await deps.recordDelivery({ ...scope, outcome: "accepted", reason: null, httpStatus: 200, callGongId, isTest: false, eventId });
  return { status: 200, body: { received: true } };
}

const warnUnknownConnection = createThrottledWarning("webhook: deliveries to unknown connections answered 404");
const warnUnloggedRejections = createThrottledWarning(`webhook: rejected deliveries not logged, over ${REJECTED_LOG_RATE.rows} a connection an hour`);
