import { randomBytes } from "node:crypto";
import { NodeSDK, metrics as sdkMetrics, tracing } from "@opentelemetry/sdk-node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { decryptSecret } from "@/lib/crypto/encryption";
import { logger } from "@/lib/observability/logger";
import { type MigratedTestDatabase, createMigratedTestDatabase } from "@/test-support/migrated-database";
import { seedConnection, seedOrganization, seedUser } from "@/test-support/seed-calls";
import type { IncomingDelivery } from "./incoming-delivery";
import { type CallSyncEvent, type GongWebhookReceiver, createGongWebhookReceiver } from "./receive-gong-webhook";
import { setWebhookAuth } from "./update-webhook-settings";

// What the receiver tells an operator: its spans and its delivery counter through a real OpenTelemetry SDK (held in
// memory here; lib/observability/telemetry.integration.test.ts exports them over OTLP), and its log lines.

/** Collects on demand: the counter's cumulative value per label set. */
class CollectingReader extends sdkMetrics.MetricReader {
  protected async onForceFlush(): Promise<void> {}
  protected async onShutdown(): Promise<void> {}
}

const spans = new tracing.InMemorySpanExporter();
const spanProcessor = new tracing.SimpleSpanProcessor(spans);
const reader = new CollectingReader();
const encryptionKey = new Uint8Array(randomBytes(32));
const sent: CallSyncEvent[] = [];
const inngestStub = { refusal: null as Error | null };
let sdk: NodeSDK;
let database: MigratedTestDatabase;
let receive: GongWebhookReceiver;
let org: { organizationId: string; userId: string; connectionId: string; urlKey: string };

beforeAll(async () => {
  // Before the receiver runs: the counter binds to the meter provider registered when it is first used.
  sdk = new NodeSDK({ spanProcessors: [spanProcessor], metricReaders: [reader], instrumentations: [] });
  sdk.start();
  database = await createMigratedTestDatabase();
  receive = createGongWebhookReceiver({
    db: database.db,
    appUrl: "http://callbridge.test",
    getEncryptionKey: () => encryptionKey,
    sendEvents: async (events) => {
      if (inngestStub.refusal) throw inngestStub.refusal;
      sent.push(...events);
    },
  });
  const organizationId = await seedOrganization(database.db, "Telemetry Org");
  const userId = await seedUser(database.db, { organizationId, email: "admin@telemetry.test", name: "Ada", role: "admin" });
  const connectionId = await seedConnection(database.db, organizationId);
  expect(await setWebhookAuth(database.db, { organizationId, userId }, "url-key", encryptionKey)).toEqual({ ok: true });
  const encrypted = await database.db.selectFrom("gong_connections").select("webhook_url_key_encrypted").where("id", "=", connectionId).executeTakeFirstOrThrow();
  org = { organizationId, userId, connectionId, urlKey: await decryptSecret(encrypted.webhook_url_key_encrypted!, encryptionKey) };
});

afterAll(async () => {
  await sdk?.shutdown();
  await database?.drop();
});

function delivery(urlKey: string | null, callGongId: string): IncomingDelivery {
  const body = new TextEncoder().encode(JSON.stringify({ isTest: false, callData: { metaData: { id: callGongId } } }));
  return { authorization: null, urlKey, declaredLength: body.length, body: (async function* () { yield body; })() };
}

/** The spans ended since the last call, each with its attributes and the id of its parent. */
async function takeSpans() {
  await spanProcessor.forceFlush(); // an ended span is exported once the resource's detected attributes are in
  const finished = spans.getFinishedSpans().map((span) => ({
    name: span.name,
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId,
    attributes: span.attributes,
  }));
  spans.reset();
  return finished;
}

/** The delivery counter's value per HTTP status label. */
async function deliveryCounts(): Promise<Record<string, number>> {
  const { resourceMetrics } = await reader.collect();
  const metric = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).find((each) => each.descriptor.name === "callbridge.webhook.deliveries");
  return Object.fromEntries((metric?.dataPoints ?? []).map((point) => [JSON.stringify(point.attributes), point.value as number]));
}

const statusLabel = (status: number) => JSON.stringify({ "http.response.status_code": status });

describe("the webhook receiver's telemetry", () => {
  it("traces and counts a delivery to an unknown connection, and warns with its id cut to 64 characters", async () => {
    const connectionId = `${"f".repeat(64)}-and-more`;
    const warn = vi.spyOn(logger, "warn").mockImplementation(() => undefined);
    try {
      expect(await receive(delivery(null, "7600000000000000001"), connectionId)).toEqual({ status: 404, body: { error: "Not found." } });
      expect(warn.mock.calls).toEqual([[{ connectionId: "f".repeat(64), countSinceLastLine: 1 }, "webhook: deliveries to unknown connections answered 404"]]);
    } finally {
      warn.mockRestore();
    }
    expect(await takeSpans()).toEqual([
      expect.objectContaining({ name: "gong.webhook.delivery", parentSpanId: undefined, attributes: { "callbridge.connection_id": "f".repeat(64), "http.response.status_code": 404 } }),
    ]);
    expect(await deliveryCounts()).toEqual({ [statusLabel(404)]: 1 });
  });

  it("traces an accepted delivery with its verification's verdict, and sends the trace along with the event", async () => {
    const before = await deliveryCounts();
    expect(await receive(delivery(org.urlKey, "7600000000000000002"), org.connectionId)).toEqual({ status: 200, body: { received: true } });
    const [verify, received, ...rest] = await takeSpans();
    expect(rest).toEqual([]);
    expect(received).toEqual({
      name: "gong.webhook.delivery",
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
      parentSpanId: undefined,
      attributes: { "callbridge.connection_id": org.connectionId, "http.response.status_code": 200 },
    });
    expect(verify).toEqual({
      name: "gong.webhook.verify",
      traceId: received!.traceId,
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
      parentSpanId: received!.spanId,
      attributes: { "gong.webhook.auth": "url-key", "gong.webhook.verdict": "ok" },
    });
    expect(sent.at(-1)?.data).toEqual({ connectionId: org.connectionId, callGongId: "7600000000000000002", traceparent: `00-${received!.traceId}-${received!.spanId}-01` });
    expect(await deliveryCounts()).toEqual({ ...before, [statusLabel(200)]: 1 });
  });

  it("traces a refused key with the reason as its verdict and records the delivery as no test", async () => {
    const before = await deliveryCounts();
    expect(await receive(delivery("x".repeat(32), "7600000000000000003"), org.connectionId)).toEqual({ status: 401, body: { error: "Unauthorized." } });
    expect((await takeSpans()).map((span) => [span.name, span.attributes])).toEqual([
      ["gong.webhook.verify", { "gong.webhook.auth": "url-key", "gong.webhook.verdict": "bad_key" }],
      ["gong.webhook.delivery", { "callbridge.connection_id": org.connectionId, "http.response.status_code": 401 }],
    ]);
    expect(await deliveryCounts()).toEqual({ ...before, [statusLabel(401)]: 1 });
    const row = await database.db
      .selectFrom("webhook_deliveries")
      .select(["outcome", "reason", "http_status", "call_gong_id", "is_test", "event_id", "auth"])
      .where("connection_id", "=", org.connectionId)
      .where("outcome", "=", "rejected")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: "rejected", reason: "bad_key", http_status: 401, call_gong_id: null, is_test: false, event_id: null, auth: "url-key" });
  });

  it("logs why a call's sync could not be queued, with the connection, organization and call", async () => {
    const refusal = new Error("connect ECONNREFUSED");
    const error = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    inngestStub.refusal = refusal;
    try {
      expect(await receive(delivery(org.urlKey, "7600000000000000004"), org.connectionId)).toEqual({ status: 503, body: { error: "Try again later." } });
      expect(error.mock.calls).toEqual([
        [{ connectionId: org.connectionId, organizationId: org.organizationId, callGongId: "7600000000000000004", error: refusal }, "webhook: could not enqueue the call sync"],
      ]);
    } finally {
      inngestStub.refusal = null;
      error.mockRestore();
    }
    expect((await takeSpans()).find((span) => span.name === "gong.webhook.delivery")?.attributes).toEqual({ "callbridge.connection_id": org.connectionId, "http.response.status_code": 503 });
  });
});
