import { metrics } from "@opentelemetry/api";

/**
 * OpenTelemetry instruments, exported over OTLP beside the traces when OTEL_EXPORTER_OTLP_ENDPOINT is set, no-ops
 * otherwise. The database-derived figures are on GET /api/metrics (lib/observability/render-metrics.ts).
 */
const meter = () => metrics.getMeter("callbridge");

let instruments: ReturnType<typeof create> | undefined;
function create() {
  const m = meter();
  return {
    gongRequests: m.createCounter("callbridge.gong.requests", { description: "Gong API requests, by endpoint and status (429 = rate-limited)." }),
    gongPacerWait: m.createHistogram("callbridge.gong.pacer_wait", { description: "Wait for the connection's Gong request slot.", unit: "ms" }),
    webhookDeliveries: m.createCounter("callbridge.webhook.deliveries", { description: "Gong webhook deliveries answered, by HTTP status." }),
  };
}

/** The instruments, made on first use so that they bind to the SDK instrumentation.ts registered, if any. */
export function otelInstruments() {
  return (instruments ??= create());
}
