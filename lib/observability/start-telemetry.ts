import { OTLPMetricExporter } from "@opentelemetry/exporter-metrics-otlp-http";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { NodeSDK } from "@opentelemetry/sdk-node";

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry's Node SDK exporting traces and metrics over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the
 * exporters read it and the other OTEL_* variables themselves), with PostgreSQL queries instrumented. Called from
 * instrumentation.ts only when that endpoint is set; otherwise nothing here is even loaded.
 */
export function startTelemetry(): NodeSDK {
  if (sdk) return sdk;
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? "callbridge",
    traceExporter: new OTLPTraceExporter(),
    metricReaders: [new PeriodicExportingMetricReader({ exporter: new OTLPMetricExporter() })],
    instrumentations: [new PgInstrumentation({ enhancedDatabaseReporting: false })],
  });
  sdk.start();
  return sdk;
}

export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}
