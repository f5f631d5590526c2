import { randomBytes } from "node:crypto";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GongTruth, readGongTruth } from "@/test-support/gong-truth";
import { type SyncStack, startSyncStack } from "@/test-support/sync-stack";

type OtlpSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes?: { key: string; value: Record<string, unknown> }[] };
type OtlpTraces = { resourceSpans?: { scopeSpans?: { spans?: OtlpSpan[] }[] }[] };

// A loopback OTLP/HTTP receiver: what a collector would get, as JSON.
const received = { spans: [] as OtlpSpan[], metricRequests: 0 };
let otlp: Server;
let stack: SyncStack;
let truth: GongTruth;
let stopTelemetry: () => Promise<void>;

beforeAll(async () => {
  otlp = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpTraces;
        for (const resource of body.resourceSpans ?? []) for (const scope of resource.scopeSpans ?? []) received.spans.push(...(scope.spans ?? []));
      }
      if (request.url === "/v1/metrics") received.metricRequests++;
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => otlp.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(otlp.address() as AddressInfo).port}`,
    OTEL_BSP_SCHEDULE_DELAY: "100",
  });
  // As instrumentation.ts does in the app, before any of it runs.
  const telemetry = await import("./start-telemetry");
  telemetry.startTelemetry();
  stopTelemetry = telemetry.stopTelemetry;
  stack = await startSyncStack({ simulator: { calls: 5 } });
  truth = await readGongTruth(stack.simulator.url);
}, 120_000);
afterAll(async () => {
  await stopTelemetry?.();
  await stack?.stop();
  await new Promise((resolve) => otlp?.close(resolve));
});

const attribute = (span: OtlpSpan, key: string) => Object.values(span.attributes?.find((each) => each.key === key)?.value ?? {})[0];

describe("OpenTelemetry over OTLP", () => {
  it("exports one trace from a webhook delivery through the sync step and its Gong requests to the stored call", async () => {
    const connectionId = await stack.connect();
    const { setWebhookAuth } = await import("@/lib/webhooks/update-webhook-settings");
    const { getGongAppConfig } = await import("@/lib/gong-connection/config");
    const { createGongWebhookReceiver } = await import("@/lib/webhooks/receive-gong-webhook");
    const { getWebhookSetup } = await import("@/lib/webhooks/get-webhook-setup");
    const { inngest } = await import("@/inngest/client");
    const getEncryptionKey = () => getGongAppConfig().encryptionKey;
    const appUrl = "http://localhost:3999";
    expect(await setWebhookAuth(stack.db, { organizationId: stack.organizationId, userId: stack.adminId }, "url-key", getEncryptionKey())).toEqual({ ok: true });
    const setup = await getWebhookSetup(stack.db, stack.organizationId, { appUrl, getEncryptionKey });
    const urlKey = new URL(setup!.urlWithKey!).searchParams.get("key");

    const receive = createGongWebhookReceiver({ db: stack.db, appUrl, getEncryptionKey, sendEvents: (events) => inngest.send(events) });
    const callGongId = truth.callIds[0]!;
    const body = new TextEncoder().encode(JSON.stringify({ isTest: false, callData: { metaData: { id: callGongId, title: `t-${randomBytes(3).toString("hex")}` } } }));
    const response = await receive({ authorization: null, urlKey, declaredLength: body.length, body: (async function* () { yield body; })() }, connectionId);
    expect(response.status).toBe(200);

    for (let waited = 0; ; waited += 100) {
      const stored = await stack.db.selectFrom("calls").select("id").where("gong_id", "=", callGongId).executeTakeFirst();
      if (stored) break;
      if (waited > 60_000) throw new Error("the announced call was not stored");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stopTelemetry(); // flushes what is batched

    const delivery = received.spans.find((span) => span.name === "gong.webhook.delivery");
    expect(delivery).toBeDefined();
    const trace = received.spans.filter((span) => span.traceId === delivery!.traceId);
    const byName = (name: string) => trace.filter((span) => span.name === name);
    expect(byName("gong.webhook.verify")[0]).toMatchObject({ parentSpanId: delivery!.spanId });
    const step = trace.find((span) => span.name.startsWith("inngest.step") && attribute(span, "inngest.function") === "sync-webhook-calls");
    expect(step).toMatchObject({ parentSpanId: delivery!.spanId });
    const gongRequests = byName("gong.request").filter((span) => span.parentSpanId === step!.spanId);
    expect(gongRequests.map((span) => attribute(span, "gong.endpoint"))).toContain("POST /v2/calls/extensive");
    expect(gongRequests.every((span) => Number(attribute(span, "http.response.status_code")) === 200)).toBe(true);
    expect(byName("sync.store_calls").filter((span) => span.parentSpanId === step!.spanId)).toHaveLength(1);
    expect(received.metricRequests).toBeGreaterThan(0);
  }, 120_000);
});
