import { type Attributes, type Context, ROOT_CONTEXT, type Span, SpanStatusCode, context, propagation, trace } from "@opentelemetry/api";

/**
 * Spans through the OpenTelemetry API. Until lib/observability/start-telemetry.ts registers an SDK (only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set) the API is a no-op: these cost a function call and nothing is recorded.
 */
const tracer = () => trace.getTracer("callbridge");

/** Runs `work` in a span named `name`; a throw marks the span as failed and is rethrown. */
export function withSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, parent?: Context): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, parent ?? context.active(), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message.slice(0, 200) : undefined });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The active span's W3C `traceparent`, to carry in an event; undefined when nothing is being recorded. */
export function currentTraceparent(): string | undefined {
  if (!trace.getActiveSpan()?.isRecording()) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context a `traceparent` from an event names, so a run's spans join the trace that sent the event. */
export function contextFromTraceparent(traceparent: unknown): Context | undefined {
  if (typeof traceparent !== "string" || traceparent.length > 100) return undefined;
  return propagation.extract(ROOT_CONTEXT, { traceparent });
}
