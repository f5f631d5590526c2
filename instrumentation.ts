// Next.js calls register() once per server process before serving. OpenTelemetry is started only when an OTLP
// endpoint is configured; without one nothing is loaded and every span in the code is a no-op.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const { startTelemetry } = await import("./lib/observability/start-telemetry");
  startTelemetry();
}
