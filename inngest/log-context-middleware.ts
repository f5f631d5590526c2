import { Middleware } from "inngest";
import { type LogContext, withLogContext } from "@/lib/observability/log-context";

const asId = (value: unknown) => (typeof value === "string" && value.length <= 200 ? value : undefined);

/** What a run's event says it concerns, for every log line the run writes. */
export function logContextOf(fnId: string, workflowRunId: string, data: unknown): LogContext {
  const fields = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  const context: LogContext = {
    functionId: fnId,
    workflowRunId,
    organizationId: asId(fields.organizationId),
    connectionId: asId(fields.connectionId),
    runId: asId(fields.runId),
    callGongId: asId(fields.callGongId),
  };
  return Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined));
}

/** Every log line written while a function runs carries its function, Inngest run, and the ids its event names. */
export class LogContextMiddleware extends Middleware.BaseMiddleware {
  readonly id = "callbridge-log-context";

  override wrapFunctionHandler({ ctx, fn, next }: Middleware.WrapFunctionHandlerArgs): Promise<unknown> {
    return withLogContext(logContextOf(fn.id(), ctx.runId, ctx.event?.data), () => next());
  }

  // Step handlers may run outside the function handler's async context, so each is given it again, with its step id.
  override wrapStepHandler({ ctx, fn, next, stepInfo }: Middleware.WrapStepHandlerArgs): Promise<unknown> {
    return withLogContext({ ...logContextOf(fn.id(), ctx.runId, ctx.event?.data), stepId: stepInfo.options.id }, () => next());
  }
}
