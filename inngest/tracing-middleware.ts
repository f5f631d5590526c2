import { Middleware } from "inngest";
import { contextFromTraceparent, withSpan } from "@/lib/observability/tracing";

const traceparentOf = (data: unknown) => (typeof data === "object" && data !== null ? (data as { traceparent?: unknown }).traceparent : undefined);

/**
 * A span per step attempt (function, step id, attempt), child of the trace its event carries (a webhook delivery's),
 * so one trace shows delivery → step → Gong requests → stored. Without an exporter the spans are no-ops.
 */
export class TracingMiddleware extends Middleware.BaseMiddleware {
  readonly id = "callbridge-tracing";

  override wrapStepHandler({ ctx, fn, next, stepInfo }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    const attributes = { "inngest.function": fn.id(), "inngest.step": stepInfo.options.id, "inngest.attempt": ctx.attempt, "inngest.run_id": ctx.runId };
    return withSpan(`inngest.step ${stepInfo.options.id}`, attributes, () => next(), contextFromTraceparent(traceparentOf(ctx.event?.data)));
  }
}
